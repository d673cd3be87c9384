package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/relais/relais/analytics"
)

// source is one line of the report's "sources of the figures".
type source struct{ Label, Text string }

// sourceKeys are the report's figures, in the order the page lists them.
var sourceKeys = []string{"posts_published", "suggestions", "clicks", "engagement", "new_supporters"}

// reportSources returns the report's sources in the page's language; new
// supporters say "not available" when the report could not count them.
func reportSources(p Page, r *analytics.WeeklyReport) []source {
	out := make([]source, 0, len(sourceKeys))
	for _, k := range sourceKeys {
		key := "report.srcfull." + k
		if k == "new_supporters" && strings.HasPrefix(r.Sources[k], analytics.NotAvailable) {
			key += ".na"
		}
		out = append(out, source{Label: p.T("report.srclabel." + k), Text: p.T(key)})
	}
	return out
}

// period is a week's window as dates in the campaign's time zone: its
// Monday to its Sunday.
func period(w analytics.Week, lang string, loc *time.Location) string {
	return fmtDate(w.From, lang, loc) + " → " + fmtDate(w.To.In(loc).AddDate(0, 0, -1), lang, loc)
}

// hoursText writes a decide_after duration ("120m") in hours and minutes.
func hoursText(minutes string) string {
	d, err := time.ParseDuration(minutes)
	if err != nil {
		return minutes
	}
	h, m := int(d.Hours()), int(d.Minutes())%60
	if m == 0 {
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d h %02d", h, m)
}

// outcomeKeys translate the decision's reasons (English in the audit log).
var outcomeKeys = map[string]string{
	"no difference: fewer than 30 successes overall": "experiment.outcome.below_min",
	"no difference: not significant at 95 %":         "experiment.outcome.not_significant",
	"significant at 95 %":                            "experiment.outcome.significant",
}

// outcomeText is an experiment's outcome in the page's language.
func outcomeText(p Page, outcome string) string {
	if k, ok := outcomeKeys[outcome]; ok {
		return p.T(k)
	}
	return outcome
}

// experimentSource is where an experiment's successes come from.
func experimentSource(p Page, metric string) string {
	if metric == "clicks" {
		return p.T("report.src.clicks")
	}
	return p.T("report.src.shared")
}
