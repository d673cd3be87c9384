package ui

// apiRoutes registers the JSON API.
func (s *Server) apiRoutes() {
	s.api("GET /api/me", s.handleMe)
	s.api("GET /api/accounts", s.handleAccountList)
	s.api("PUT /api/accounts/{id}", s.handleAccountUpdate)
	s.page("POST /settings/accounts/{id}", s.handleSettingsAccount)
	s.api("GET /api/posts", s.handlePostList)
	s.api("POST /api/posts", s.handlePostCreate)
	s.api("GET /api/posts/{id}", s.handlePostGet)
	s.api("PUT /api/posts/{id}", s.handlePostUpdate)
	s.api("POST /api/posts/{id}/submit", s.handlePostSubmit)
	s.api("POST /api/posts/{id}/approve", s.handlePostApprove)
	s.api("POST /api/posts/{id}/reject", s.handlePostReject)
	s.api("POST /api/posts/{id}/request-changes", s.handlePostRequestChanges)
	s.api("POST /api/posts/{id}/override", s.handlePostOverride)
	s.api("GET /api/queue", s.handleQueue)
	s.api("POST /api/tone/check", s.handleToneCheck)
	s.api("GET /ws", s.handleWS)
	s.upload("POST /api/media", s.handleMediaUpload)
	s.page("GET /media/{id}", s.handleMediaGet)
}
