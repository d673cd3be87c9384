package ui

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

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

// handleSettingsAccount handles POST /settings/accounts/{id}: the tone
// profile and, pasted as a JSON object, new credentials (reconnect).
func (s *Server) handleSettingsAccount(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.pageError(w, r, relais.Errorf(relais.ENOTFOUND, "Account not found."))
		return
	}
	in := approval.AccountUpdate{ToneProfile: r.FormValue("tone_profile")}
	if c := strings.TrimSpace(r.FormValue("credentials")); c != "" {
		if err := json.Unmarshal([]byte(c), &in.Credentials); err != nil {
			s.pageError(w, r, relais.FieldErrorf("credentials", "Collez un objet JSON de chaînes. / Paste a JSON object of strings."))
			return
		}
	}
	if _, err := s.cfg.Approval.UpdateAccount(r.Context(), id, in); err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/settings?ok=account#accounts", http.StatusSeeOther)
}
