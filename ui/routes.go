package ui

import "net/http"

// routes registers every route: operations here, then each area's routes.
// Every API route and page is recorded in s.patterns so that the role
// matrix test can prove none is left unchecked.
func (s *Server) routes() {
	s.mux.HandleFunc("GET /healthz", s.handleHealthz)
	s.mux.HandleFunc("GET /readyz", s.handleReadyz)
	if s.cfg.Metrics != nil {
		s.mux.Handle("GET /metrics", s.metricsHandler())
	}
	s.mux.Handle("GET /static/", s.staticHandler())
	s.apiRoutes()
	s.approvalRoutes()
	s.scheduleRoutes()
	s.pageRoutes()
	s.securityRoutes()
	s.analyticsRoutes()
	s.supporterRoutes()
	s.eventRoutes()
	s.relayRoutes()
	s.workflowRoutes()
	s.connectRoutes()
}

// api registers an API route: JSON, session cookie or bearer token.
func (s *Server) api(pattern string, h http.HandlerFunc) {
	s.patterns = append(s.patterns, pattern)
	s.mux.Handle(pattern, s.apiAuth(h))
}

// page registers a page that needs a signed-in member.
func (s *Server) page(pattern string, h http.HandlerFunc) {
	s.patterns = append(s.patterns, pattern)
	s.mux.Handle(pattern, s.pageAuth(h))
}

// Patterns returns every authenticated route pattern, for tests.
func (s *Server) Patterns() []string { return append([]string(nil), s.patterns...) }

// upload registers an API route that accepts a body up to MaxUploadBytes.
// Its longer read deadline is given once the caller is authenticated, so an
// anonymous caller cannot hold a connection longer than on any other route.
func (s *Server) upload(pattern string, h http.HandlerFunc) {
	s.patterns = append(s.patterns, pattern)
	s.mux.Handle(pattern, s.apiAuthLimit(uploadDeadline(h).ServeHTTP, MaxUploadBytes))
}
