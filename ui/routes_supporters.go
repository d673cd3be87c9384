package ui

import (
	"net/http"
	"net/url"

	"github.com/relais/relais"
)

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

// pageAuthLimit is pageAuth with a body limit of its own (the import's
// upload).
func (s *Server) pageAuthLimit(next http.HandlerFunc, limit int64) http.Handler {
	guarded := s.csrf().Handler(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m, _, err := s.authenticate(r)
		if err != nil {
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		r = r.WithContext(relais.NewContextWithMember(r.Context(), m))
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		guarded.ServeHTTP(w, r)
	})
}
