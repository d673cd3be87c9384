package ui

import (
	"net/http"

	"github.com/relais/relais/approval"
)

// handleCommentList handles GET /api/posts/{id}/comments.
func (s *Server) handleCommentList(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	cs, err := s.cfg.Approval.Comments(r.Context(), id)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"comments": nonNil(cs)})
}

// handleCommentCreate handles POST /api/posts/{id}/comments {body, parent_id?}.
func (s *Server) handleCommentCreate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	var in approval.CommentInput
	if err == nil {
		err = decodeJSON(r, &in)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	c, err := s.cfg.Approval.AddComment(r.Context(), id, in)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, c)
}
