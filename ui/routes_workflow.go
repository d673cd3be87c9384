package ui

import "net/http"

// workflowRoutes registers editing, deleting and duplicating posts (pages
// and API) and the favicon.
func (s *Server) workflowRoutes() {
	s.mux.HandleFunc("GET /favicon.ico", handleFavicon)
	s.page("GET /posts/{id}/edit", s.handleEditPage)
	s.page("POST /posts/{id}/edit", s.handleEditSubmit)
	s.page("POST /posts/{id}/submit", s.handlePostSubmitPage)
	s.page("POST /posts/{id}/delete", s.handlePostDelete)
	s.page("POST /posts/{id}/duplicate", s.handlePostDuplicate)
	s.api("DELETE /api/posts/{id}", s.handleAPIPostDelete)
	s.api("POST /api/posts/{id}/duplicate", s.handleAPIPostDuplicate)
}

// handleFavicon serves the relais icon (a browser asks for it on every
// site; a 404 would fill the logs).
func handleFavicon(w http.ResponseWriter, r *http.Request) {
	b, err := staticFS.ReadFile("static/favicon.svg")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	_, _ = w.Write(b)
}
