package ui

import (
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/policy"
)

// mayReadAnalytics reports whether m sees the report and the experiments
// in the navigation.
func mayReadAnalytics(m *relais.Member) bool {
	return policy.Can(m, policy.AnalyticsRead, policy.Object{})
}

type experimentsPage struct {
	Page
	Experiments []analytics.ExperimentSummary
}

// handleExperimentsPage handles GET /experiments: the latest A/B tests.
func (s *Server) handleExperimentsPage(w http.ResponseWriter, r *http.Request) {
	p := experimentsPage{Page: s.newPage(w, r, "experiments.title", "experiments")}
	var err error
	if p.Experiments, err = s.cfg.Analytics.Experiments(r.Context()); err != nil {
		s.pageError(w, r, err)
		return
	}
	for i := range p.Experiments {
		p.Experiments[i].PostText = cutRunes(p.Experiments[i].PostText, 80)
	}
	s.render(w, http.StatusOK, "experiments", p)
}

// cutRunes shortens s to n runes, with an ellipsis when cut.
func cutRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
