package ui

import (
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// handleAccountUpdate handles PUT /api/accounts/{id} {tone_profile?,
// credentials?}.
func (s *Server) handleAccountUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathIDOf(r, "Account")
	var in approval.AccountUpdate
	if err == nil {
		err = decodeJSON(r, &in)
	}
	var a *relais.Account
	if err == nil {
		a, err = s.cfg.Approval.UpdateAccount(r.Context(), id, in)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}
