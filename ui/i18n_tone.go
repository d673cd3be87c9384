package ui

import (
	"regexp"
	"strings"

	"github.com/relais/relais/approval/tone"
)

// toneMsgRules name, in the reader's language, the problems the tone
// engine reports in English when it refuses a rules file
// (tone.ConfigError.Msg); groups fill the key's %s.
var toneMsgRules = []detailRule{
	{re: regexp.MustCompile(`^YAML syntax: `), key: "tone_err.syntax"},
	{re: regexp.MustCompile(`^unknown field \(want (.*)\)$`), key: "tone_err.unknown_field"},
	{re: regexp.MustCompile(`^want a list of people, got (.+)$`), key: "tone_err.want_people"},
	{re: regexp.MustCompile(`^want a list, got (.+)$`), key: "tone_err.want_list"},
	{re: regexp.MustCompile(`^want a mapping, got (.+)$`), key: "tone_err.want_mapping"},
	{re: regexp.MustCompile(`^want a mapping at the top$`), key: "tone_err.want_top"},
	{re: regexp.MustCompile(`^want a string, got (.+)$`), key: "tone_err.want_string"},
	{re: regexp.MustCompile(`^keys must be plain words$`), key: "tone_err.plain_keys"},
	{re: regexp.MustCompile(`^duplicate key$`), key: "tone_err.duplicate"},
	{re: regexp.MustCompile(`^name is required$`), key: "tone_err.name_required"},
	{re: regexp.MustCompile(`^path is required$`), key: "tone_err.path_required"},
	{re: regexp.MustCompile(`^name or alias (".*") has no letters or digits$`), key: "tone_err.no_letters"},
	{re: regexp.MustCompile(`^unknown rule (".*") \(want (.*)\)$`), key: "tone_err.unknown_rule"},
	{re: regexp.MustCompile(`^unknown severity (".*") \(want .*\)$`), key: "tone_err.unknown_severity"},
	{re: regexp.MustCompile(`^style never blocks on its own`), key: "tone_err.style_block"},
	{re: regexp.MustCompile(`^unknown language (".*") \(want .*\)$`), key: "tone_err.unknown_lang"},
	{re: regexp.MustCompile(`^unknown lexicon section (".*") \(want (.*)\)$`), key: "tone_err.unknown_section"},
	{re: regexp.MustCompile(`^entry (".*") has no letters, digits or emoji$`), key: "tone_err.entry_empty"},
	{re: regexp.MustCompile(`^bad weight (".*") in (".*")`), key: "tone_err.bad_weight"},
	{re: regexp.MustCompile(`^empty word in (".*")$`), key: "tone_err.empty_word"},
	{re: regexp.MustCompile(`^unknown word kind (".*") in (".*")`), key: "tone_err.word_kind"},
	{re: regexp.MustCompile(`cannot be read`), key: "tone_err.unreadable"},
}

// inFileRE is a problem on a line of a lexicon file: path, line, problem.
var inFileRE = regexp.MustCompile(`^(\S+):(\d+): (.+)$`)

// ToneMsg is a refused rules file's problem in the reader's language: a
// known shape through the catalogue, any other as a plain "refused"
// (the line and field shown beside it say where).
func (p Page) ToneMsg(ce *tone.ConfigError) string {
	msg := strings.TrimSpace(ce.Msg)
	if m := inFileRE.FindStringSubmatch(msg); m != nil { // a lexicon file's line
		return p.Tf("tone_err.in_file", m[1], m[2], p.ToneMsg(&tone.ConfigError{Msg: m[3]}))
	}
	for _, rule := range toneMsgRules {
		m := rule.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, g := range m[1:] {
			args[i] = p.TOr("tone_kind."+g, g)
		}
		return p.Tf(rule.key, args...)
	}
	return p.T("tone_err.other")
}

func init() {
	for k, v := range map[string][2]string{
		"tone_err.syntax":            {"syntaxe YAML incorrecte", "YAML syntax error"},
		"tone_err.unknown_field":     {"champ inconnu (attendus : %s)", "unknown field (expected: %s)"},
		"tone_err.want_people":       {"une liste de personnes est attendue (trouvé : %s)", "a list of people is expected (found: %s)"},
		"tone_err.want_list":         {"une liste est attendue (trouvé : %s)", "a list is expected (found: %s)"},
		"tone_err.want_mapping":      {"des paires clé : valeur sont attendues (trouvé : %s)", "key: value pairs are expected (found: %s)"},
		"tone_err.want_top":          {"le fichier doit commencer par des paires clé : valeur", "the file must start with key: value pairs"},
		"tone_err.want_string":       {"un texte est attendu (trouvé : %s)", "a text is expected (found: %s)"},
		"tone_err.plain_keys":        {"les clés doivent être des mots simples", "keys must be plain words"},
		"tone_err.duplicate":         {"clé en double", "duplicate key"},
		"tone_err.name_required":     {"le nom est obligatoire", "the name is required"},
		"tone_err.path_required":     {"le chemin est obligatoire", "the path is required"},
		"tone_err.no_letters":        {"le nom ou l'alias %s ne contient ni lettre ni chiffre", "the name or alias %s has no letters or digits"},
		"tone_err.unknown_rule":      {"règle inconnue %s (attendues : %s)", "unknown rule %s (expected: %s)"},
		"tone_err.unknown_severity":  {"sévérité inconnue %s (attendues : block, warn ou off)", "unknown severity %s (expected: block, warn or off)"},
		"tone_err.style_block":       {"le style ne bloque jamais seul (attendus : warn ou off)", "style never blocks on its own (expected: warn or off)"},
		"tone_err.unknown_lang":      {"langue inconnue %s (attendues : fr ou en)", "unknown language %s (expected: fr or en)"},
		"tone_err.unknown_section":   {"section de lexique inconnue %s (attendues : %s)", "unknown lexicon section %s (expected: %s)"},
		"tone_err.entry_empty":       {"l'entrée %s ne contient ni lettre, ni chiffre, ni emoji", "the entry %s has no letters, digits or emoji"},
		"tone_err.bad_weight":        {"poids %s incorrect dans %s (un nombre entre 0 et 5 est attendu)", "bad weight %s in %s (a number between 0 and 5 is expected)"},
		"tone_err.empty_word":        {"mot vide dans %s", "empty word in %s"},
		"tone_err.word_kind":         {"nature de mot %s inconnue dans %s (attendues : n, v, v3, a ou =)", "unknown word kind %s in %s (expected: n, v, v3, a or =)"},
		"tone_err.unreadable":        {"fichier de lexique illisible", "the lexicon file cannot be read"},
		"error.tone_blocked":         {"Ce message enfreint les règles de ton de la campagne.", "This post breaks the campaign's tone rules."},
		"error.tone_blocked_approve": {"Les règles de ton bloquent ce message : seul·e un·e admin peut passer outre.", "The tone rules block this post: only an admin may override."},
		"error.acknowledge_warnings": {"Ce message porte des avertissements de ton : cochez « J'ai lu les avertissements de ton » pour l'approuver.", "This post carries tone warnings: tick \u201cI have read the tone warnings\u201d to approve."},
		"tone_kind.a mapping":        {"des paires clé : valeur", "key: value pairs"},
		"tone_kind.a list":           {"une liste", "a list"},
		"tone_kind.an alias":         {"un alias YAML", "a YAML alias"},
		"tone_kind.nothing":          {"rien", "nothing"},
		"tone_err.in_file":           {"%s, ligne %s : %s", "%s, line %s: %s"},
		"tone_err.other":             {"valeur refusée", "value refused"},
	} {
		messages[k] = v
	}
}
