package ui

import (
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/approval/tone"
	"github.com/relais/relais/policy"
)

// settingsPage is the campaign's settings: members, accounts and their
// queue slots, tone rules with a test box, election rounds.
type settingsPage struct {
	Page
	Members  []*relais.Member
	Accounts []settingsAccount
	Rounds   []*approval.RoundView
	Roles    []relais.Role
	Sectors  relais.Districts
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
	if !p.Can(policy.SettingsOpen) {
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
	p.ToneYAML = s.readToneYAML(r)
	s.renderSettings(w, r, http.StatusOK, p)
}

// renderSettings loads the lists and renders p.
func (s *Server) renderSettings(w http.ResponseWriter, r *http.Request, status int, p settingsPage) {
	ctx := r.Context()
	var err error
	p.Roles, p.Sectors = relais.Roles, s.cfg.Districts
	p.Profiles = s.cfg.ToneRules.Profiles()
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

// readToneYAML returns the tone rules file for the settings page.
func (s *Server) readToneYAML(r *http.Request) string {
	y, err := s.cfg.ToneRules.Read(r.Context())
	if err != nil {
		s.log.Error("cannot read tone rules", "error", err)
	}
	return y
}
