package ui

// supporterRoutes registers the supporters' pages (issue 16): the list
// and counts, the import with its preview and column mapping, the admins'
// export and erasure, and the one-click unsubscribe, which needs no
// session: its token is the credential.
func (s *Server) supporterRoutes() {
	if s.cfg.Supporters == nil {
		return
	}
	s.page("GET /supporters", s.handleSupportersPage)
	s.patterns = append(s.patterns, "POST /supporters/import")
	s.mux.Handle("POST /supporters/import", s.pageAuthLimit(s.handleSupportersImport, importUploadBytes))
	s.page("GET /supporters/rights", s.handleRightsPage)
	s.page("POST /supporters/rights", s.handleRightsSubmit)
	s.mux.HandleFunc("GET /u/{token}", s.handleUnsubscribePage)
	s.mux.HandleFunc("POST /u/{token}", s.handleUnsubscribe)
}
