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
}

var detailRules = []detailRule{
	{regexp.MustCompile(`^routing: (candidate|editor)$`), "detail.routing"},
	{regexp.MustCompile(`^content changed from (\w+); approval voided, back to review$`), "detail.edit_voided"},
	{regexp.MustCompile(`^content changed from (\w+)$`), "detail.edit"},
	{regexp.MustCompile(`^was (\w+)$`), "detail.was"},
	{regexp.MustCompile(`^from #(\d+)$`), "detail.from"},
	{regexp.MustCompile(`^scheduled (\S+); tone warnings acknowledged$`), "detail.scheduled_ack"},
	{regexp.MustCompile(`^scheduled (\S+)$`), "detail.scheduled"},
	{regexp.MustCompile(`^moved from (\S+) to (\S+); approval voided, back to review$`), "detail.moved_voided"},
	{regexp.MustCompile(`^moved from (\S+) to (\S+); approval renewed$`), "detail.moved_renewed"},
	{regexp.MustCompile(`^moved from (\S+) to (\S+)$`), "detail.moved"},
	{regexp.MustCompile(`^second step awaited: (.+)$`), "detail.second_step"},
	{regexp.MustCompile(`(?s)^comment \d+: (.*)$`), "detail.comment"},
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
		for k, v := range params {
			params[k] = p.detailArg(v)
		}
		return i18n.T(p.Lang, key, params)
	}
	for _, rule := range detailRules {
		m := rule.re.FindStringSubmatch(detail)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, g := range m[1:] {
			args[i] = p.detailArg(g)
		}
		return p.Tf(rule.key, args...)
	}
	return detail
}

func (p Page) detailArg(g string) string {
	if t, err := time.Parse(time.RFC3339, g); err == nil {
		return fmtTime(t, p.Lang)
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
		"detail.routing":               {"validation par %s", "approval by %s"},
		"detail.edit":                  {"contenu modifié (avant : %s)", "content changed (was %s)"},
		"detail.edit_voided":           {"contenu modifié (avant : %s) ; approbation annulée, retour en validation", "content changed (was %s); approval voided, back to review"},
		"detail.was":                   {"état précédent : %s", "was %s"},
		"detail.from":                  {"copie de #%s", "copy of #%s"},
		"detail.scheduled":             {"programmé pour le %s", "scheduled for %s"},
		"detail.scheduled_ack":         {"programmé pour le %s ; avertissements de ton lus", "scheduled for %s; tone warnings acknowledged"},
		"detail.moved":                 {"déplacé du %s au %s", "moved from %s to %s"},
		"detail.moved_voided":          {"déplacé du %s au %s ; approbation annulée, retour en validation", "moved from %s to %s; approval voided, back to review"},
		"detail.moved_renewed":         {"déplacé du %s au %s ; approbation renouvelée", "moved from %s to %s; approval renewed"},
		"detail.second_step":           {"seconde validation attendue : %s", "second approval awaited: %s"},
		"detail.comment":               {"« %s »", "\"%s\""},
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
