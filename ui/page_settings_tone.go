package ui

import (
	"errors"
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/approval/tone"
)

// handleSettingsTone handles POST /settings/tone: action=validate checks
// the YAML (showing the line and field of an error); action=save (admins)
// also writes the file and reloads the running checker, which swaps the
// engine in one step: a check never sees half the rules.
func (s *Server) handleSettingsTone(w http.ResponseWriter, r *http.Request) {
	p := settingsPage{Page: s.newPage(w, r, "settings.title", "settings"), ToneYAML: r.FormValue("yaml")}
	data := []byte(p.ToneYAML)
	_, err := s.cfg.ToneRules.Validate(r.Context(), data)
	if code := relais.ErrorCode(err); code == relais.EFORBIDDEN || code == relais.EUNAUTHORIZED {
		s.pageError(w, r, err)
		return
	} else if err != nil {
		var ce *tone.ConfigError
		if !errors.As(err, &ce) {
			ce = &tone.ConfigError{Msg: err.Error()}
		}
		p.ToneErr = ce
		s.renderSettings(w, r, http.StatusBadRequest, p)
		return
	}
	p.ToneOK = p.T("settings.tone_valid")
	if r.FormValue("action") == "save" {
		if err := s.cfg.ToneRules.Save(r.Context(), data); err != nil {
			s.pageError(w, r, err)
			return
		}
		p.ToneOK = p.T("settings.tone_saved")
	}
	s.renderSettings(w, r, http.StatusOK, p)
}
