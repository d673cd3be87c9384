package ui

import (
	"net/http"
	"strings"

	"github.com/relais/relais"
)

// handleSettingsRound handles POST /settings/rounds {name, day,
// polls_close}: declare an election round (its blackout window follows).
func (s *Server) handleSettingsRound(w http.ResponseWriter, r *http.Request, p settingsPage) {
	p.Round = relais.ElectionRound{Name: strings.TrimSpace(r.FormValue("name")), Day: strings.TrimSpace(r.FormValue("day")),
		PollsClose: strings.TrimSpace(r.FormValue("polls_close"))}
	if _, err := s.cfg.Approval.AddElectionRound(r.Context(), p.Round); err != nil {
		s.settingsFailed(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/settings/rounds?ok=round", http.StatusSeeOther)
}
