package ui

import (
	"net/http"

	"github.com/relais/relais"
)

// handleRoundList handles GET /api/election-rounds.
func (s *Server) handleRoundList(w http.ResponseWriter, r *http.Request) {
	rs, err := s.cfg.Approval.ElectionRounds(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"rounds": rs})
}

// handleRoundAdd handles POST /api/election-rounds {name?, day,
// polls_close?}.
func (s *Server) handleRoundAdd(w http.ResponseWriter, r *http.Request) {
	var in relais.ElectionRound
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	v, err := s.cfg.Approval.AddElectionRound(r.Context(), in)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, v)
}

// handleDeliveryList handles GET /api/deliveries?state=held&state=...:
// deliveries held by a blackout or whose outcome is unknown.
func (s *Server) handleDeliveryList(w http.ResponseWriter, r *http.Request) {
	var states []relais.DeliveryState
	for _, st := range r.URL.Query()["state"] {
		states = append(states, relais.DeliveryState(st))
	}
	ds, err := s.cfg.Approval.HeldDeliveries(r.Context(), states)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"deliveries": apiHeld(r, ds)})
}
