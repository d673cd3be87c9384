package ui

import (
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// handleSlotList handles GET /api/accounts/{id}/slots.
func (s *Server) handleSlotList(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "Account")
	var ss []relais.QueueSlot
	if err == nil {
		ss, err = s.cfg.Approval.Slots(r.Context(), id)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"slots": nonNil(ss)})
}

// handleSlotAdd handles POST /api/accounts/{id}/slots {weekdays, times, tz?}.
func (s *Server) handleSlotAdd(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "Account")
	var in approval.SlotsInput
	if err == nil {
		err = decodeJSON(r, &in)
	}
	var ss []relais.QueueSlot
	if err == nil {
		ss, err = s.cfg.Approval.AddSlots(r.Context(), id, in)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"slots": nonNil(ss)})
}

// handleSlotDelete handles DELETE /api/slots/{id}.
func (s *Server) handleSlotDelete(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "Queue slot")
	if err == nil {
		err = s.cfg.Approval.DeleteSlot(r.Context(), id)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
