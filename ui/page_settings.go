package ui

import (
	"net/http"
	"sort"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/approval/tone"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/policy"
)

// settingsSection is one page of the settings: its path under /settings,
// its title's catalogue key and the policy action that opens it.
type settingsSection struct {
	Slug   string
	Key    string
	Action policy.Action
}

// settingsSections are the settings pages, in the nav's order.
var settingsSections = []settingsSection{
	{"members", "settings.members", policy.SettingsOpen},
	{"accounts", "settings.accounts", policy.SettingsOpen},
	{"tone", "settings.tone", policy.SettingsOpen},
	{"slots", "settings.slots", policy.SlotsRead},
	{"rounds", "settings.rounds", policy.SettingsOpen},
}

// settingsPage is one section of the campaign's settings (or, with no
// Section, their index).
type settingsPage struct {
	Page
	Section   string
	Sections  []settingsSection // those the member may open
	Members   []*relais.Member
	Accounts  []settingsAccount
	Rounds    []*approval.RoundView
	Roles     []relais.Role
	Sectors   relais.Districts
	ToneYAML  string
	ToneErr   *tone.ConfigError // a failed validation: line and field
	ToneOK    string            // a validation or reload that worked
	Profiles  []string
	Rules     []string                // the tone rules, for the profiles table
	Tone      toneForm                // the lists, as stored or as typed
	Round     relais.ElectionRound    // the add form, kept on error
	Invite    auth.InviteInput        // the invite form, kept on error
	Approvers []*relais.Member        // who may be a second approver
	FieldErr  map[string]string       // a form error by field
	Values    map[string]string       // other typed values kept on error
	Second    map[int64]int64         // each account's second approver
	Typed     map[int64]settingsTyped // per-account forms kept on error
}

// settingsTyped is an account form's typed values, kept on error.
type settingsTyped struct {
	Times    string
	Weekdays map[string]bool
}

// settingsAccount is an account with its queue slots.
type settingsAccount struct {
	*relais.Account
	Slots []relais.QueueSlot
}

// FieldError returns the error of a form's field ("" if none).
func (p settingsPage) FieldError(field string) string { return p.FieldErr[field] }

// mayOpen refuses the page to members the policy does not let do a.
func mayOpen(p Page, a policy.Action) error {
	if d := policy.Allowed(p.Member, a, policy.Object{}); !d.Allowed {
		return &relais.Error{Code: relais.EFORBIDDEN, Message: "Your role may not open this page.", Key: d.Reason}
	}
	return nil
}

// sectionOf returns the section named slug.
func sectionOf(slug string) (settingsSection, bool) {
	for _, s := range settingsSections {
		if s.Slug == slug {
			return s, true
		}
	}
	return settingsSection{}, false
}

// newSettingsPage builds the page of section slug ("" for the index) and
// checks the member may open it.
func (s *Server) newSettingsPage(w http.ResponseWriter, r *http.Request, slug string) (settingsPage, error) {
	p := settingsPage{Page: s.newPage(w, r, "settings.title", "settings"), Section: slug, FieldErr: map[string]string{}}
	action := policy.SettingsOpen
	if sec, ok := sectionOf(slug); ok {
		action = sec.Action
		p.Title = p.T(sec.Key) + " · " + p.T("settings.title")
	}
	for _, sec := range settingsSections {
		if p.Can(sec.Action) {
			p.Sections = append(p.Sections, sec)
		}
	}
	return p, mayOpen(p.Page, action)
}

// newSettingsForm builds the page of section slug for a form that needs
// action, and checks the member may do it.
func (s *Server) newSettingsForm(w http.ResponseWriter, r *http.Request, slug string, action policy.Action) (settingsPage, error) {
	p, err := s.newSettingsPage(w, r, slug)
	if err == nil {
		err = mayOpen(p.Page, action)
	}
	return p, err
}

// settingsForm returns the handler of a form of section slug that needs
// action: it builds the page (the error page when the member may not)
// and hands it to handle.
func (s *Server) settingsForm(slug string, action policy.Action, handle func(http.ResponseWriter, *http.Request, settingsPage)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, err := s.newSettingsForm(w, r, slug, action)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		handle(w, r, p)
	}
}

// newSettingsItemForm is newSettingsForm for a form about one item: it
// also reads the item's {id} from the path.
func (s *Server) newSettingsItemForm(w http.ResponseWriter, r *http.Request, slug string, action policy.Action) (settingsPage, int64, error) {
	p, err := s.newSettingsForm(w, r, slug, action)
	if err != nil {
		return p, 0, err
	}
	id, err := pathID(r)
	return p, id, err
}

// handleSettingsPage handles GET /settings: the index of the sections.
func (s *Server) handleSettingsPage(w http.ResponseWriter, r *http.Request) {
	s.showSettings(w, r, "")
}

// handleSettingsSection handles GET /settings/{section}.
func (s *Server) handleSettingsSection(slug string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { s.showSettings(w, r, slug) }
}

// showSettings renders section slug as stored.
func (s *Server) showSettings(w http.ResponseWriter, r *http.Request, slug string) {
	p, err := s.newSettingsPage(w, r, slug)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if slug == "tone" {
		p.ToneYAML = s.readToneYAML(r)
		p.Tone = toneFormOf(p.ToneYAML)
	}
	s.renderSettings(w, r, http.StatusOK, p)
}

// renderSettings loads what p's section shows and renders it.
func (s *Server) renderSettings(w http.ResponseWriter, r *http.Request, status int, p settingsPage) {
	p.Roles, p.Sectors = relais.Roles, s.cfg.Districts
	p.Profiles, p.Rules = s.cfg.ToneRules.Profiles(), tone.Rules()
	sort.Strings(p.Profiles)    // a stable order, whatever the engine's
	if !p.Invite.Role.Valid() { // none chosen yet (or not a role): the least privilege
		p.Invite.Role = leastPrivileged()
	}
	if err := s.loadSettings(r, &p); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, status, "settings", p)
}

// loadSettings reads the lists p's section shows.
func (s *Server) loadSettings(r *http.Request, p *settingsPage) error {
	ctx, err := r.Context(), error(nil)
	switch p.Section {
	case "members":
		p.Members, err = s.cfg.Approval.Members(ctx)
		sort.SliceStable(p.Members, func(i, j int) bool { // the staff, then sectors in natural order
			a, b := p.Members[i].District, p.Members[j].District
			if (a == "") != (b == "") {
				return a == ""
			}
			return relais.DistrictLess(a, b)
		})
	case "accounts":
		if err = s.loadAccounts(r, p, false); err == nil {
			err = s.loadApprovers(r, p)
		}
	case "slots":
		err = s.loadAccounts(r, p, true)
	case "rounds":
		p.Rounds, err = s.cfg.Approval.ElectionRounds(ctx)
	}
	return err
}

// loadAccounts reads the accounts, with their slots if slots.
func (s *Server) loadAccounts(r *http.Request, p *settingsPage, slots bool) error {
	as, err := s.cfg.Approval.Accounts(r.Context())
	for _, a := range as {
		if err != nil {
			break
		}
		sa := settingsAccount{Account: a}
		if slots {
			sa.Slots, err = s.cfg.Approval.Slots(r.Context(), a.ID)
		}
		p.Accounts = append(p.Accounts, sa)
	}
	return err
}

// loadApprovers reads the second approvers and who may be one.
func (s *Server) loadApprovers(r *http.Request, p *settingsPage) error {
	if !p.Can(policy.ApprovalStepsRead) {
		return nil
	}
	var err error
	if p.Second, err = s.cfg.Approval.SecondApprovers(r.Context()); err != nil {
		return err
	}
	ms, err := s.cfg.Approval.Members(r.Context())
	for _, m := range ms {
		if m.DisabledAt == nil && policy.Grants(m.Role, policy.PostApprove) {
			p.Approvers = append(p.Approvers, m)
		}
	}
	return err
}

// leastPrivileged is the role the policy grants the fewest actions: the
// invite form's default.
func leastPrivileged() relais.Role {
	best, fewest := relais.Roles[0], len(policy.Actions())+1
	for _, r := range relais.Roles {
		n := 0
		for _, a := range policy.Actions() {
			if policy.Grants(r, a) {
				n++
			}
		}
		if n < fewest {
			best, fewest = r, n
		}
	}
	return best
}

// readToneYAML returns the tone rules file for the settings page.
func (s *Server) readToneYAML(r *http.Request) string {
	y, err := s.cfg.ToneRules.Read(r.Context())
	if err != nil {
		s.log.Error("cannot read tone rules", "error", err)
	}
	return y
}

// ErrFor returns the error of field in the form of object id of kind
// ("member", "account"): only the form that was posted shows it.
func (p settingsPage) ErrFor(kind string, id int64, field string) string {
	if p.Values[kind] != strconv.FormatInt(id, 10) {
		return ""
	}
	return p.FieldErr[field]
}

// TypedFor returns the typed values of account id's slots form.
func (p settingsPage) TypedFor(id int64) settingsTyped { return p.Typed[id] }

// Value returns a typed value kept on error.
func (p settingsPage) Value(name string) string { return p.Values[name] }
