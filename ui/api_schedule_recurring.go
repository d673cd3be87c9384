package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// handleRecurringList handles GET /api/recurring.
func (s *Server) handleRecurringList(w http.ResponseWriter, r *http.Request) {
	rs, err := s.cfg.Approval.Recurrences(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"recurrences": rs})
}

// handleRecurringCreate handles POST /api/recurring {post_id, spec, tz?}.
func (s *Server) handleRecurringCreate(w http.ResponseWriter, r *http.Request) {
	var in approval.RecurrenceInput
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	rec, err := s.cfg.Approval.CreateRecurrence(r.Context(), in)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, rec)
}

// handleRecurringStop handles POST /api/recurring/{id}/stop.
func (s *Server) handleRecurringStop(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "Recurrence")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	rec, err := s.cfg.Approval.StopRecurrence(r.Context(), id)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rec)
}

// idParam parses the {id} path value of a `what`.
func idParam(r *http.Request, what string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, relais.Errorf(relais.ENOTFOUND, "%s %q not found.", what, r.PathValue("id"))
	}
	return id, nil
}
