package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/share"
)

// suggestionID reads {id} as a suggestion id.
func suggestionID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, relais.Errorf(relais.ENOTFOUND, "Suggestion %q not found.", r.PathValue("id"))
	}
	return id, nil
}

// handleSuggestionList handles GET /api/suggestions: the caller's inbox.
func (s *Server) handleSuggestionList(w http.ResponseWriter, r *http.Request) {
	in, err := s.cfg.Share.Inbox(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, in)
}

// handleSuggestionShare handles POST /api/suggestions/{id}/share
// {text?, publish?, via?}.
func (s *Server) handleSuggestionShare(w http.ResponseWriter, r *http.Request) {
	id, err := suggestionID(r)
	var in share.ShareInput
	if err == nil && r.ContentLength != 0 {
		err = decodeJSON(r, &in)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	res, err := s.cfg.Share.Share(r.Context(), id, in)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// handleSuggestionDecline handles POST /api/suggestions/{id}/decline.
func (s *Server) handleSuggestionDecline(w http.ResponseWriter, r *http.Request) {
	id, err := suggestionID(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	sg, err := s.cfg.Share.Decline(r.Context(), id)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"suggestion": sg})
}
