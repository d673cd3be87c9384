package ui

// connectRoutes registers Settings › Accounts › Connect: the page, one
// form per platform, and the OAuth callbacks of X and Mastodon.
func (s *Server) connectRoutes() {
	s.page("GET /settings/connect", s.handleConnectPage)
	s.page("POST /settings/connect/{platform}", s.handleConnectSubmit)
	s.page("GET /settings/connect/{platform}/callback", s.handleConnectCallback)
}
