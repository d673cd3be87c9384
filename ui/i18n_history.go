package ui

import (
	"github.com/relais/relais/i18n"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// detailRule renders one shape of audit detail (the services write them in
// English, for the log) in the reader's language: key's string with the
// pattern's groups as %s.
type detailRule struct {
	re  *regexp.Regexp
	key string
	// names are the groups' parameter names when they matter (see
	// detailParam); nil for rules whose groups are dates, states, ids.
	names []string
}

var detailRules = []detailRule{
	{re: regexp.MustCompile(`^routing: (candidate|editor)$`), key: "detail.routing"},
	{re: regexp.MustCompile(`^content changed from \w+; approval voided, back to review$`), key: "detail.edit_voided"}, // the hash is for the log
	{re: regexp.MustCompile(`^content changed from \w+$`), key: "detail.edit"},
	{re: regexp.MustCompile(`^was (\w+)$`), key: "detail.was"},
	{re: regexp.MustCompile(`^from #(\d+)$`), key: "detail.from"},
	{re: regexp.MustCompile(`^scheduled (\S+); tone warnings acknowledged$`), key: "detail.scheduled_ack"},
	{re: regexp.MustCompile(`^scheduled (\S+)$`), key: "detail.scheduled"},
	{re: regexp.MustCompile(`^moved from (\S+) to (\S+); approval voided, back to review$`), key: "detail.moved_voided"},
	{re: regexp.MustCompile(`^moved from (\S+) to (\S+); approval renewed$`), key: "detail.moved_renewed"},
	{re: regexp.MustCompile(`^moved from (\S+) to (\S+)$`), key: "detail.moved"},
	{re: regexp.MustCompile(`^second step awaited: (.+)$`), key: "detail.second_step"},
	{re: regexp.MustCompile(`(?s)^comment \d+: (.*)$`), key: "detail.comment"},
	{re: regexp.MustCompile(`(?s)^tone verdict (\w+) overridden: (.*)$`), key: "detail.override", names: []string{"verdict", "reason"}},
	{re: regexp.MustCompile(`^approval request expired at the scheduled time$`), key: "history.expire"},
	{re: regexp.MustCompile(`^tone profile of account changed: verdict now (\w+); back to (\w+)$`), key: "detail.rereview", names: []string{"verdict", "state"}},
	{re: regexp.MustCompile(`^(\d+) deliveries$`), key: "detail.fan_out"},
	{re: regexp.MustCompile(`^demo: a delivery whose outcome is unknown$`), key: "history.demo_unknown"},
	{re: regexp.MustCompile(`^([a-z_]+)$`), key: "detail.state"}, // post.settle stores the state reached
	{re: regexp.MustCompile(`^experiment (\d+): winner (\w+) \((.*)\), p=(\S+), successes/n per variant (.*)$`), key: "detail.decided",
		names: []string{"id", "variant", "outcome", "p", "counts"}},
	{re: regexp.MustCompile(`^recurrence #(\d+) stopped: its post was edited, cancelled or rejected since it was approved$`), key: "detail.recurrence_changed"},
}

// actorRE is how relais.Actor writes a member: name, e-mail, role; the
// e-mail is absent when the reader may not read addresses (the post
// view drops it).
var actorRE = regexp.MustCompile(`^(.*?)(?: <[^>]*>)? \((\w+)\)$`)

// Actor names an audit entry's actor for the reader: "system" and the
// command line in her language, a member by name and role.
func (p Page) Actor(stored string) string {
	if _, ok := messages["actor."+stored]; ok {
		return p.T("actor." + stored)
	}
	if m := actorRE.FindStringSubmatch(stored); m != nil && i18n.Has("role."+m[2]) {
		return m[1] + " (" + i18n.T(p.Lang, "role."+m[2], nil) + ")"
	}
	return stored
}

// Reason renders a routing reason for the reader: a catalogue key, or
// the French sentence older versions stored.
func (p Page) Reason(r string) string { return i18n.Reason(p.Lang, r) }

// Reasons renders routing reasons for the reader, comma-separated.
func (p Page) Reasons(rs []string) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = p.Reason(r)
	}
	return strings.Join(out, ", ")
}

// Detail renders an audit entry's detail for the reader: a coded text
// (i18n.Code) through the catalogue, an older plain sentence through
// detailRules; dates in her format, approvers and states named in her
// language.
func (p Page) Detail(detail string) string {
	if key, params, ok := i18n.Decode(detail); ok {
		return p.coded(key, params)
	}
	for _, rule := range detailRules {
		m := rule.re.FindStringSubmatch(detail)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, g := range m[1:] {
			args[i] = p.detailArg(g)
			if i < len(rule.names) {
				args[i] = p.detailParam(rule.names[i], g)
			}
		}
		return p.Tf(rule.key, args...)
	}
	return detail
}

// coded renders a decoded history entry: each parameter named in the
// reader's language, a count through the plural forms.
func (p Page) coded(key string, params map[string]string) string {
	for k, v := range params {
		params[k] = p.detailParam(k, v)
	}
	if n, err := strconv.Atoi(params["n"]); err == nil && !i18n.Has(key) {
		return i18n.N(p.Lang, key, n, params)
	}
	return strings.TrimSpace(strings.ReplaceAll(i18n.T(p.Lang, key, params), "  ", " ")) // an empty {url}
}

// detailParam names a coded entry's parameter for the reader: a verdict
// or "no date" by its catalogue word, anything else as detailArg does.
func (p Page) detailParam(name, v string) string {
	switch {
	case name == "verdict" && i18n.Has("verdict."+v):
		return i18n.T(p.Lang, "verdict."+v, nil)
	case name == "text" || name == "reason" || name == "note" || name == "spec" || name == "counts":
		return v
	case name == "outcome" && outcomeKeys[v] != "":
		return i18n.T(p.Lang, "outcome."+strings.TrimPrefix(outcomeKeys[v], "experiment.outcome."), nil)
	case (name == "p" || name == "sample") && p.Lang != "en":
		return strings.Replace(v, ".", ",", 1)
	case (name == "audience" || name == "metric") && i18n.Has("history."+name+"."+v):
		return i18n.T(p.Lang, "history."+name+"."+v, nil)
	case name == "after":
		return hoursText(v)
	case name == "account":
		return p.accountName(v)
	case name == "error":
		return p.DeliveryError(v)
	}
	return p.detailArg(v)
}

func (p Page) detailArg(g string) string {
	if g == "unscheduled" {
		return i18n.T(p.Lang, "history.unscheduled", nil)
	}
	if t, err := time.Parse(time.RFC3339, g); err == nil {
		return fmtTime(t, p.Lang, p.Location())
	}
	if _, ok := messages["approver."+g]; ok && (g == "candidate" || g == "editor") {
		return p.T("approver." + g)
	}
	if _, ok := messages["state."+g]; ok {
		return p.T("state." + g)
	}
	if len(g) > 12 && strings.Trim(g, "0123456789abcdef") == "" {
		return g[:12]
	}
	return g
}

func init() {
	for k, v := range map[string][2]string{
		"detail.decided":               {"test A/B n° %s : variante %s retenue (%s, p = %s) ; succès par variante : %s", "A/B test #%s: variant %s chosen (%s, p = %s); successes per variant: %s"},
		"detail.routing":               {"validation par %s", "approval by %s"},
		"detail.edit":                  {"contenu modifié", "content changed"},
		"detail.edit_voided":           {"contenu modifié ; approbation annulée, retour en validation", "content changed; approval voided, back to review"},
		"detail.was":                   {"état précédent : %s", "was %s"},
		"detail.from":                  {"copie de #%s", "copy of #%s"},
		"detail.scheduled":             {"programmé pour le %s", "scheduled for %s"},
		"detail.scheduled_ack":         {"programmé pour le %s ; avertissements de ton lus", "scheduled for %s; tone warnings acknowledged"},
		"detail.moved":                 {"déplacé du %s au %s", "moved from %s to %s"},
		"detail.moved_voided":          {"déplacé du %s au %s ; approbation annulée, retour en validation", "moved from %s to %s; approval voided, back to review"},
		"detail.moved_renewed":         {"déplacé du %s au %s ; approbation renouvelée", "moved from %s to %s; approval renewed"},
		"detail.second_step":           {"seconde validation attendue : %s", "second approval awaited: %s"},
		"detail.comment":               {"« %s »", "\"%s\""},
		"detail.override":              {"verdict de ton « %s » levé : %s", "tone verdict \u201c%s\u201d overridden: %s"},
		"detail.rereview":              {"profil de ton du compte modifié : verdict %s, retour à l'état %s", "account's tone profile changed: verdict %s, back to %s"},
		"detail.fan_out":               {"diffusions : %s", "deliveries: %s"},
		"detail.recurrence_changed":    {"répétition n° %s arrêtée : la publication a été modifiée, annulée ou refusée depuis son approbation", "recurrence #%s stopped: its post was edited, cancelled or rejected since it was approved"},
		"audit.post.changes_requested": {"modifications demandées", "changes requested"},
		"audit.post.rejected":          {"refus", "rejected"},
		"audit.post.rereview":          {"nouvelle vérification du ton", "tone re-checked"},
		"audit.recurrence.create":      {"répétition créée", "recurrence created"},
		"quote.open":                   {" : « ", ": \u201c"},
		"quote.close":                  {" »", "\u201d"},
	} {
		messages[k] = v
	}
}

// Colon is the colon as the reader's language writes it after a label:
// " :" in French (a space before), ":" in English.
func (p Page) Colon() string {
	if p.Lang == "en" {
		return ":"
	}
	return "\u00a0:"
}

// Percent writes n % as the reader's language does: "42 %" in French
// (non-breaking space), "42%" in English.
func (p Page) Percent(n int) string {
	if p.Lang == "en" {
		return strconv.Itoa(n) + "%"
	}
	return strconv.Itoa(n) + "\u00a0%"
}

// legacyDeliveryErrors are delivery errors older versions stored as
// English sentences, by their catalogue key.
var legacyDeliveryErrors = map[string]string{
	"timeout waiting for the platform's answer": "delivery.timeout",
}

// DeliveryError renders a delivery's stored error for the reader: a coded
// text or a known older sentence in her language; a platform's own
// message as it came.
func (p Page) DeliveryError(stored string) string {
	if key, params, ok := i18n.Decode(stored); ok {
		return p.coded(key, params)
	}
	if key, ok := legacyDeliveryErrors[stored]; ok {
		return i18n.T(p.Lang, key, nil)
	}
	return stored
}

// The history's action names the catalogue lacked: A/B tests, a
// recurrence's copies, deliveries waiting or publishing, and the
// campaign-wide entries the audit log shows.
func init() {
	for k, v := range map[string][2]string{
		"audit.experiment.created":      {"test A/B créé", "A/B test created"},
		"audit.experiment.decided":      {"test A/B tranché", "A/B test decided"},
		"audit.experiment.variant_sent": {"variante envoyée", "variant sent"},
		"audit.experiment.winner_sent":  {"gagnante envoyée", "winner sent"},
		"audit.post.recur":              {"occurrence d'une répétition", "recurring copy"},
		"audit.recurrence.stop":         {"répétition arrêtée", "recurrence stopped"},
		"audit.delivery.pending":        {"en attente", "pending"},
		"audit.delivery.publishing":     {"publication en cours", "publishing"},
		"audit.account.add":             {"compte ajouté", "account added"},
		"audit.account.update":          {"compte modifié", "account updated"},
		"audit.account.approval_step":   {"seconde validation réglée", "second approval set"},
		"audit.account.needs_reconnect": {"compte à reconnecter", "account needs reconnecting"},
		"audit.account.links":           {"liens du compte", "account links"},
		"audit.election.add":            {"tour de scrutin déclaré", "election round declared"},
		"audit.member.add":              {"membre ajouté", "member added"},
		"audit.member.invite":           {"invitation envoyée", "member invited"},
		"audit.member.join":             {"invitation acceptée", "invitation accepted"},
		"audit.tone.rules_reloaded":     {"règles de ton rechargées", "tone rules reloaded"},
	} {
		messages[k] = v
	}
}

// accountName names account id for a history line: its platform and
// handle, or its number when the reader cannot see it or it is gone.
func (p Page) accountName(id string) string {
	n, err := strconv.ParseInt(id, 10, 64)
	if name, ok := p.accounts[n]; ok && err == nil {
		return name
	}
	return i18n.T(p.Lang, "history.account_gone", map[string]string{"id": id})
}
