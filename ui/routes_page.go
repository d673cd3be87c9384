package ui

// pageRoutes registers the dashboard's pages (French by default; ?lang=en)
// and the small JSON endpoints they use.
func (s *Server) pageRoutes() {
	s.mux.HandleFunc("GET /login", s.handleLoginPage)
	s.mux.HandleFunc("POST /login", s.handleLoginSubmit)
	s.mux.HandleFunc("GET /calendar.ics", s.handleCalendarICS) // its token is the credential
	s.page("POST /logout", s.handleLogout)
	s.page("GET /{$}", s.handleQueuePage)
	s.page("GET /compose", s.handleComposePage)
	s.page("POST /compose", s.handleComposeSubmit)
	s.page("GET /posts/{id}", s.handlePostPage)
	s.page("POST /posts/{id}/decide", s.handlePostDecide)
	s.page("POST /posts/{id}/deliveries/{delivery}/resolve", s.handleDeliveryResolvePage)
	s.page("GET /calendar", s.handleCalendarPage)
	s.page("POST /calendar/move", s.handleCalendarMove)
	s.page("GET /inbox", s.handleInboxPage)
	s.page("POST /inbox/{id}", s.handleInboxAction)
	s.page("GET /map", s.handleMapPage)
	s.page("GET /districts/{id}", s.handleDistrictPage)
	s.settingsRoutes()
	if s.cfg.Sandbox != nil {
		s.page("GET /sandbox/{id}", s.handleSandboxEntry)
	}

	s.api("POST /api/text/count", s.handleTextCount)
	s.api("GET /api/suggestions", s.handleSuggestionList)
	s.api("POST /api/suggestions/{id}/share", s.handleSuggestionShare)
	s.api("POST /api/suggestions/{id}/decline", s.handleSuggestionDecline)
	s.api("POST /api/posts/{id}/deliveries/{delivery}/resolve", s.handleDeliveryResolve)
}
