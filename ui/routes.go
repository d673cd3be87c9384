package ui

import "net/http"

// routes registers every route of the dashboard and the API.
func (s *Server) routes() {
	m := s.mux
	// Operations.
	m.HandleFunc("GET /healthz", s.handleHealthz)
	m.HandleFunc("GET /readyz", s.handleReadyz)
	if s.cfg.Metrics != nil {
		m.Handle("GET /metrics", s.cfg.Metrics)
	}
	m.Handle("GET /static/", s.staticHandler())

	// API (JSON; session cookie or bearer token).
	api := func(pattern string, h http.HandlerFunc) { m.Handle(pattern, s.apiAuth(h)) }
	api("GET /api/me", s.handleMe)
	api("GET /api/accounts", s.handleAccountList)
	api("GET /api/posts", s.handlePostList)
	api("POST /api/posts", s.handlePostCreate)
	api("GET /api/posts/{id}", s.handlePostGet)
	api("PUT /api/posts/{id}", s.handlePostUpdate)
	api("POST /api/posts/{id}/submit", s.handlePostSubmit)
	api("POST /api/posts/{id}/approve", s.handlePostApprove)
	api("POST /api/posts/{id}/reject", s.handlePostReject)
	api("POST /api/posts/{id}/request-changes", s.handlePostRequestChanges)
	api("POST /api/posts/{id}/override", s.handlePostOverride)
	api("GET /api/queue", s.handleQueue)
	api("POST /api/tone/check", s.handleToneCheck)
	api("GET /ws", s.handleWS)

	// Pages (French by default; ?lang=en).
	m.HandleFunc("GET /login", s.handleLoginPage)
	m.HandleFunc("POST /login", s.handleLoginSubmit)
	page := func(pattern string, h http.HandlerFunc) { m.Handle(pattern, s.pageAuth(h)) }
	page("POST /logout", s.handleLogout)
	page("GET /{$}", s.handleQueuePage)
	page("GET /compose", s.handleComposePage)
	page("POST /compose", s.handleComposeSubmit)
	page("GET /posts/{id}", s.handlePostPage)
	page("POST /posts/{id}/decide", s.handlePostDecide)
	if s.cfg.Sandbox != nil {
		page("GET /sandbox/{id}", s.handleSandboxEntry)
	}
}
