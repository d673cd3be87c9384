package ui

import (
	"errors"
	"net/http"
	"os"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/approval/tone"
	"github.com/relais/relais/demo"
)

// settingsPage is the campaign's settings: members, accounts and their
// queue slots, tone rules with a test box, election rounds.
type settingsPage struct {
	Page
	Members  []*relais.Member
	Accounts []settingsAccount
	Rounds   []*approval.RoundView
	Roles    []relais.Role
	Sectors  []demo.Sector
	ToneYAML string
	ToneErr  *tone.ConfigError // a failed validation: line and field
	ToneOK   string            // a validation or reload that worked
	Profiles []string
	Round    relais.ElectionRound // the add form, kept on error
}

// settingsAccount is an account with its queue slots.
type settingsAccount struct {
	*relais.Account
	Slots []relais.QueueSlot
}

// mayOpenSettings refuses the settings to all but admins and editors.
func mayOpenSettings(p Page) error {
	if !p.CanSettings() {
		return relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not open the settings.", p.Member.Role)
	}
	return nil
}

// handleSettingsPage handles GET /settings.
func (s *Server) handleSettingsPage(w http.ResponseWriter, r *http.Request) {
	p := settingsPage{Page: s.newPage(w, r, "settings.title", "settings")}
	if err := mayOpenSettings(p.Page); err != nil {
		s.pageError(w, r, err)
		return
	}
	p.ToneYAML = s.readToneYAML()
	s.renderSettings(w, r, http.StatusOK, p)
}

// renderSettings loads the lists and renders p.
func (s *Server) renderSettings(w http.ResponseWriter, r *http.Request, status int, p settingsPage) {
	ctx := r.Context()
	var err error
	p.Roles, p.Sectors = relais.Roles, demo.Sectors()
	if s.cfg.ToneChecker != nil {
		p.Profiles = s.cfg.ToneChecker.Engine().Profiles()
	}
	if p.Members, err = s.cfg.Approval.Members(ctx); err == nil {
		p.Rounds, err = s.cfg.Approval.ElectionRounds(ctx)
	}
	var as []*relais.Account
	if err == nil {
		as, err = s.cfg.Approval.Accounts(ctx)
	}
	for _, a := range as {
		if err != nil {
			break
		}
		sa := settingsAccount{Account: a}
		sa.Slots, err = s.cfg.Approval.Slots(ctx, a.ID)
		p.Accounts = append(p.Accounts, sa)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, status, "settings", p)
}

// readToneYAML returns the tone rules file, or the demo rules as a
// starting point when there is none yet.
func (s *Server) readToneYAML() string {
	if s.cfg.ToneConfigPath == "" {
		return ""
	}
	b, err := os.ReadFile(s.cfg.ToneConfigPath)
	if errors.Is(err, os.ErrNotExist) {
		return demo.ToneConfig
	} else if err != nil {
		s.log.Error("cannot read tone rules", "path", s.cfg.ToneConfigPath, "error", err)
		return ""
	}
	return string(b)
}
