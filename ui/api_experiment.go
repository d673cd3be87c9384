package ui

import (
	"net/http"

	"github.com/relais/relais/analytics"
)

// handleExperimentCreate handles POST /api/experiments.
func (s *Server) handleExperimentCreate(w http.ResponseWriter, r *http.Request) {
	var in analytics.ExperimentInput
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	v, err := s.cfg.Analytics.CreateExperiment(r.Context(), in)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, v)
}

// handleExperimentGet handles GET /api/experiments/{id}.
func (s *Server) handleExperimentGet(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "Experiment")
	var v *analytics.ExperimentView
	if err == nil {
		v, err = s.cfg.Analytics.Experiment(r.Context(), id)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// handleExperimentDecide handles POST /api/experiments/{id}/decide.
func (s *Server) handleExperimentDecide(w http.ResponseWriter, r *http.Request) {
	id, err := idParam(r, "Experiment")
	var v *analytics.ExperimentView
	if err == nil {
		v, err = s.cfg.Analytics.Decide(r.Context(), id)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}
