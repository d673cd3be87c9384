package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// handleAccountUpdate handles PUT /api/accounts/{id} {tone_profile?,
// credentials?}.
func (s *Server) handleAccountUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var in approval.AccountUpdate
	if err != nil {
		err = relais.Errorf(relais.ENOTFOUND, "Account %q not found.", r.PathValue("id"))
	} else {
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
