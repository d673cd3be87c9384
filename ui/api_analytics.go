package ui

import (
	"net/http"

	"github.com/relais/relais"
)

// handlePostLinks handles GET /api/posts/{id}/links.
func (s *Server) handlePostLinks(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	ls, err := s.cfg.Analytics.PostLinks(r.Context(), id)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ls)
}

// handleAccountLinks handles PUT /api/accounts/{id}/links
// {"tracked": false} (naked links on that account) or true.
func (s *Server) handleAccountLinks(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "Account")
	var in struct {
		Tracked *bool `json:"tracked"`
	}
	if err == nil {
		err = decodeJSON(r, &in)
	}
	if err == nil && in.Tracked == nil {
		err = fieldRequired("tracked")
	}
	if err == nil {
		err = s.cfg.Analytics.SetLinkOptOut(r.Context(), id, !*in.Tracked)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"account_id": id, "tracked": *in.Tracked})
}

func fieldRequired(field string) error {
	return relais.FieldErrorf(field, "%s is required.", field)
}

// handlePostMetrics handles GET /api/posts/{id}/metrics.
func (s *Server) handlePostMetrics(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	v, err := s.cfg.Analytics.PostMetrics(r.Context(), id)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}
