package ui

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/relais/relais"
	"github.com/relais/relais/approval/tone"
	"github.com/relais/relais/store"
)

// handleSettingsTone handles POST /settings/tone: action=validate checks
// the YAML (showing the line and field of an error); action=save (admins)
// also writes the file atomically and reloads the running checker, which
// swaps the engine in one step: a check never sees half the rules.
func (s *Server) handleSettingsTone(w http.ResponseWriter, r *http.Request) {
	p := settingsPage{Page: s.newPage(w, r, "settings.title", "settings"), ToneYAML: r.FormValue("yaml")}
	if err := mayOpenSettings(p.Page); err != nil {
		s.pageError(w, r, err)
		return
	}
	save := r.FormValue("action") == "save"
	if save && !p.IsAdmin() {
		s.pageError(w, r, relais.Errorf(relais.EFORBIDDEN, "Only an admin may change the tone rules."))
		return
	}
	cfg, err := tone.ParseConfig([]byte(p.ToneYAML))
	if err == nil {
		_, err = tone.New(cfg) // validates and compiles, as a reload would
	}
	if err != nil {
		var ce *tone.ConfigError
		if !errors.As(err, &ce) {
			ce = &tone.ConfigError{Msg: err.Error()}
		}
		p.ToneErr = ce
		s.renderSettings(w, r, http.StatusBadRequest, p)
		return
	}
	p.ToneOK = p.T("settings.tone_valid")
	if save {
		if err := s.saveToneRules(r, []byte(p.ToneYAML), cfg); err != nil {
			s.pageError(w, r, err)
			return
		}
		p.ToneOK = p.T("settings.tone_saved")
	}
	s.renderSettings(w, r, http.StatusOK, p)
}

// saveToneRules writes the rules beside the old file, renames it over,
// reloads the checker and audits the change.
func (s *Server) saveToneRules(r *http.Request, data []byte, cfg *tone.Config) error {
	if s.cfg.ToneChecker == nil || s.cfg.ToneConfigPath == "" {
		return relais.Errorf(relais.EINVALID, "The tone rules cannot be edited on this server.")
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.cfg.ToneConfigPath), ".tone-*.yaml")
	if err != nil {
		return fmt.Errorf("cannot write tone rules: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write tone rules: %w", err)
	} else if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write tone rules: %w", err)
	} else if err := os.Rename(tmp.Name(), s.cfg.ToneConfigPath); err != nil {
		return fmt.Errorf("cannot replace tone rules: %w", err)
	}
	if err := s.cfg.ToneChecker.Reload(cfg); err != nil {
		return fmt.Errorf("cannot reload tone rules: %w", err)
	}
	m := memberOf(r)
	if s.cfg.Store == nil {
		return nil
	}
	return s.cfg.Store.Update(r.Context(), func(tx *store.Tx) error {
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: "tone.rules_reloaded",
			Detail: fmt.Sprintf("%d bytes written to %s", len(data), filepath.Base(s.cfg.ToneConfigPath))})
	})
}
