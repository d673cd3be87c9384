package ui

import (
	"net/http"

	"github.com/relais/relais/approval"
)

// handlePostReschedule handles POST /api/posts/{id}/reschedule
// {scheduled_at}.
func (s *Server) handlePostReschedule(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	var in approval.RescheduleInput
	if err == nil {
		err = decodeJSON(r, &in)
	}
	if err == nil {
		_, err = s.cfg.Approval.Reschedule(r.Context(), id, in)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writePostWarned(w, r, http.StatusOK, id)
}

// handlePostCancel handles POST /api/posts/{id}/cancel {reason?}.
func (s *Server) handlePostCancel(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	var in approval.CancelInput
	if err == nil && r.ContentLength != 0 {
		err = decodeJSON(r, &in)
	}
	if err == nil {
		_, err = s.cfg.Approval.Cancel(r.Context(), id, in)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writePost(w, r, http.StatusOK, id)
}

// handlePostQueue handles POST /api/posts/{id}/queue: the next free slot.
func (s *Server) handlePostQueue(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.cfg.Approval.AddToQueue(r.Context(), id)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writePost(w, r, http.StatusOK, id)
}
