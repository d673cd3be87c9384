package i18n

import (
	"net/url"
	"strings"
)

// A coded text is how a service stores a sentence for readers of every
// language (a history entry's detail): "@" + catalogue key, then its
// parameters as a URL query — "@history.routing?approver=candidate". It
// stays readable in the audit log and is rendered per reader.

// Code returns the coded text of key with params given as name, value
// pairs.
func Code(key string, pairs ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Set(pairs[i], pairs[i+1])
	}
	if len(v) == 0 {
		return "@" + key
	}
	return "@" + key + "?" + v.Encode()
}

// Decode returns the key and parameters of a coded text, and false for
// any other text (an older row's plain sentence).
func Decode(s string) (key string, params map[string]string, ok bool) {
	if !strings.HasPrefix(s, "@") {
		return "", nil, false
	}
	key, query, _ := strings.Cut(s[1:], "?")
	if !Has(key) && !Has(key+".other") {
		return "", nil, false
	}
	v, err := url.ParseQuery(query)
	if err != nil {
		return "", nil, false
	}
	params = map[string]string{}
	for k := range v {
		params[k] = v.Get(k)
	}
	return key, params, true
}

func init() {
	add(map[string][2]string{
		"history.routing":     {"validation par {approver}", "approval by {approver}"},
		"history.edit":        {"contenu modifié", "content changed"}, // its {hash} is for the log, not for people
		"history.edit_voided": {"contenu modifié ; approbation annulée, retour en validation", "content changed; approval voided, back to review"},
		"history.duplicate":   {"copie de #{post}", "copy of #{post}"},
		"history.second_step": {"seconde validation attendue : {names}", "second approval awaited: {names}"},
		"approver.candidate":  {"la candidate", "the candidate"},
		"approver.editor":     {"l'équipe web", "the web team"},
	})
}
