package ui

// pageRoutes registers the dashboard's pages (French by default; ?lang=en).
func (s *Server) pageRoutes() {
	s.mux.HandleFunc("GET /login", s.handleLoginPage)
	s.mux.HandleFunc("POST /login", s.handleLoginSubmit)
	s.page("POST /logout", s.handleLogout)
	s.page("GET /{$}", s.handleQueuePage)
	s.page("GET /compose", s.handleComposePage)
	s.page("POST /compose", s.handleComposeSubmit)
	s.page("GET /posts/{id}", s.handlePostPage)
	s.page("POST /posts/{id}/decide", s.handlePostDecide)
	if s.cfg.Sandbox != nil {
		s.page("GET /sandbox/{id}", s.handleSandboxEntry)
	}
}
