package ui

import "net/http"

// analyticsRoutes registers the measuring half (issue 15): the public
// short-link redirect, tracked links, platform metrics, experiments and
// the weekly district report. Without an analytics service, none exists.
func (s *Server) analyticsRoutes() {
	a := s.cfg.Analytics
	if a == nil {
		return
	}
	redirect := a.Redirector()
	redirect.ClientIP = func(r *http.Request) string { return clientIP(r, s.cfg.TrustedProxies) }
	s.mux.Handle("GET /l/{code}", redirect) // public: no login, bounded per address
	s.api("GET /api/posts/{id}/links", s.handlePostLinks)
	s.api("PUT /api/accounts/{id}/links", s.handleAccountLinks)
	s.api("GET /api/posts/{id}/metrics", s.handlePostMetrics)
	s.api("GET /api/reports/weekly", s.handleWeeklyReport)
	s.page("GET /reports/weekly.csv", s.handleWeeklyReportCSV)
	s.page("GET /reports/weekly", s.handleReportPage)
	s.page("GET /experiments", s.handleExperimentsPage)
	s.page("GET /experiments/{id}", s.handleExperimentPage)
	s.api("POST /api/experiments", s.handleExperimentCreate)
	s.api("GET /api/experiments/{id}", s.handleExperimentGet)
	s.api("POST /api/experiments/{id}/decide", s.handleExperimentDecide)
}
