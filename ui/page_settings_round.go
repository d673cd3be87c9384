package ui

import (
	"net/http"
	"strings"

	"github.com/relais/relais"
)

// handleSettingsRound handles POST /settings/rounds {name, day,
// polls_close}: declare an election round (its blackout window follows).
func (s *Server) handleSettingsRound(w http.ResponseWriter, r *http.Request) {
	p := settingsPage{Page: s.newPage(w, r, "settings.title", "settings")}
	if err := mayOpenSettings(p.Page); err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Round = relais.ElectionRound{Name: strings.TrimSpace(r.FormValue("name")), Day: strings.TrimSpace(r.FormValue("day")),
		PollsClose: strings.TrimSpace(r.FormValue("polls_close"))}
	if _, err := s.cfg.Approval.AddElectionRound(r.Context(), p.Round); err != nil {
		p.Error = relais.ErrorMessage(err)
		p.ToneYAML = s.readToneYAML(r)
		s.renderSettings(w, r, statusOf[relais.ErrorCode(err)], p)
		return
	}
	http.Redirect(w, r, "/settings?ok=round#rounds", http.StatusSeeOther)
}
