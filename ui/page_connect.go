package ui

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/bluesky"
	"github.com/relais/relais/connectors/facebook"
	"github.com/relais/relais/connectors/telegram"
	"github.com/relais/relais/connectors/webhook"
	"github.com/relais/relais/policy"
)

// connectPage is Settings › Accounts › Connect: one form per platform.
type connectPage struct {
	Page
	Owners    []connectOwner
	Form      connectForm // what was typed, secrets aside, kept on error
	FormFor   string      // the platform whose form failed
	FormErr   string
	XReady    bool // the campaign's X app is configured
	Available bool // the server connects accounts from the browser
	// Again is the account being reconnected (?reconnect=id): only its
	// platform's form is shown, and new credentials replace its own.
	Again *relais.Account
}

// connectOwner is one choice of owner for the new account.
type connectOwner struct{ Value, Label string }

// connectForm is a connect form's fields, but the secrets.
type connectForm struct {
	Handle, Owner, BaseURL, PageID, Kind string
	Reconnect                            int64 // the account whose credentials the flow replaces, 0 for a new one
}

// tokenPlatforms are connected by a token or URL checked at once.
var tokenPlatforms = map[string]relais.Platform{"bluesky": relais.PlatformBluesky, "facebook": relais.PlatformFacebook,
	"telegram": relais.PlatformTelegram, "webhook": relais.PlatformWebhook}

// handleConnectPage handles GET /settings/connect.
func (s *Server) handleConnectPage(w http.ResponseWriter, r *http.Request) {
	p := connectPage{Page: s.newPage(w, r, "connect.title", "settings"), Form: connectForm{Owner: "campaign", Kind: webhook.KindSlack}}
	p.Form.Reconnect, _ = strconv.ParseInt(r.URL.Query().Get("reconnect"), 10, 64)
	s.renderConnect(w, r, http.StatusOK, p)
}

// renderConnect checks the member may manage accounts and renders p.
func (s *Server) renderConnect(w http.ResponseWriter, r *http.Request, status int, p connectPage) {
	if !p.Can(policy.AccountsManage) {
		s.pageError(w, r, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not manage accounts.", p.Member.Role))
		return
	}
	c := s.connectCfg()
	p.Available = c != nil
	p.XReady = c != nil && c.X.Configured()
	var err error
	if p.Form.Reconnect > 0 {
		if p.Again, err = s.againAccount(r, p.Form.Reconnect); err != nil {
			s.pageError(w, r, err)
			return
		} else if p.FormFor == "" { // prefill the handle and server
			p.FormFor, p.Form.Handle, p.Form.BaseURL = string(p.Again.Platform), p.Again.Handle, p.Again.BaseURL
		}
	}
	if p.Owners, err = s.connectOwners(r, p.Page); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, status, "connect", p)
}

// connectOwners lists who a new account may belong to.
func (s *Server) connectOwners(r *http.Request, p Page) ([]connectOwner, error) {
	out := []connectOwner{{"campaign", p.T("owner.campaign")}, {"candidate", p.T("owner.candidate")}}
	for _, d := range s.cfg.Districts {
		out = append(out, connectOwner{"district:" + d.Name, p.T("connect.owner_district") + " " + d.Name})
	}
	ms, err := s.cfg.Approval.Members(r.Context())
	cmp := districtRank(s.cfg.Districts)
	slices.SortStableFunc(ms, func(a, b *relais.Member) int { return cmp(a.District, b.District) })
	for _, m := range ms {
		if isRunningMate(m) && m.DisabledAt == nil {
			out = append(out, connectOwner{"colistier:" + m.Email, runningMateLabel(p, m)})
		}
	}
	return out, err
}

// handleConnectSubmit handles POST /settings/connect/{platform}:
// X and Mastodon start their OAuth flow, the others are checked with
// their platform and saved.
func (s *Server) handleConnectSubmit(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("platform")
	p := connectPage{Page: s.newPage(w, r, "connect.title", "settings"), FormFor: name, Form: typedForm(r)}
	var err error
	switch {
	case s.connectCfg() == nil:
		err = relais.Errorf(relais.ENOTFOUND, "Connecting accounts from the browser is not enabled.")
	case !p.Can(policy.AccountsManage):
		s.renderConnect(w, r, http.StatusForbidden, p)
		return
	case name == "x":
		err = s.startX(w, r, p.Form)
	case name == "mastodon":
		err = s.startMastodon(w, r, p.Form)
	case tokenPlatforms[name] != "":
		err = s.connectWithToken(w, r, tokenPlatforms[name], p.Form)
	default:
		err = relais.Errorf(relais.ENOTFOUND, "Unknown platform %q.", name)
	}
	if err != nil {
		p.FormErr = pageErrorText(p.Lang, p.Location(), err)
		s.renderConnect(w, r, statusOf[relais.ErrorCode(err)], p)
	}
}

// typedForm reads the form's plain fields.
func typedForm(r *http.Request) connectForm {
	f := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	again, _ := strconv.ParseInt(f("reconnect"), 10, 64)
	return connectForm{Handle: f("handle"), Owner: f("owner"), BaseURL: f("base_url"), PageID: f("page_id"), Kind: f("kind"), Reconnect: again}
}

// connectWithToken checks the typed token or URL with the platform (one
// read call) and saves the account; the credentials are stored encrypted.
func (s *Server) connectWithToken(w http.ResponseWriter, r *http.Request, pl relais.Platform, f connectForm) error {
	a := relais.Account{Platform: pl, Handle: f.Handle, BaseURL: f.BaseURL}
	creds, err := tokenCredentials(r, pl, f)
	if err != nil {
		return err
	} else if relais.NormalizeHandle(a.Handle) == "" {
		return relais.FieldErrorf("handle", "A handle is required.")
	}
	return s.saveConnected(w, r, a, f, creds, true)
}

// tokenCredentials builds each platform's credentials from the form.
func tokenCredentials(r *http.Request, pl relais.Platform, f connectForm) (map[string]string, error) {
	secret := strings.TrimSpace(r.PostFormValue("secret"))
	if secret == "" {
		return nil, relais.FieldErrorf("secret", "This field is required.")
	}
	switch pl {
	case relais.PlatformBluesky:
		return map[string]string{bluesky.CredIdentifier: relais.NormalizeHandle(f.Handle), bluesky.CredAppPassword: secret}, nil
	case relais.PlatformFacebook:
		c := map[string]string{facebook.CredPageToken: secret}
		if f.PageID != "" {
			c[facebook.CredPageID] = f.PageID
		}
		return c, nil
	case relais.PlatformTelegram:
		return map[string]string{telegram.CredBotToken: secret}, nil
	}
	return map[string]string{webhook.CredURL: secret, webhook.CredKind: f.Kind}, nil
}

// saveConnected checks the URLs typed, verifies the credentials with the
// platform when asked, creates the account and goes back to the page.
func (s *Server) saveConnected(w http.ResponseWriter, r *http.Request, a relais.Account, f connectForm, creds map[string]string, verify bool) error {
	c := s.connectCfg()
	if err := connectors.CheckAccountURLs(a.BaseURL, creds, c.AllowPrivateNetworks); err != nil {
		return err
	}
	if verify && c.Verify != nil {
		a.Credentials = creds
		if _, err := c.Verify(r.Context(), a); err != nil {
			return refusedBy(a.Platform, err)
		}
		a.Credentials = nil
	}
	if f.Reconnect > 0 {
		return s.reconnect(w, r, f.Reconnect, a, creds)
	}
	got, err := s.cfg.Approval.CreateAccount(r.Context(), approval.NewAccount{Account: a, Owner: f.Owner, Credentials: creds})
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/connect?ok=account_connected&account="+got.Handle, http.StatusSeeOther)
	return nil
}

// isRunningMate reports whether m is a running mate, who may own her own
// accounts: the members whose home page is the share inbox (policy.HomeInbox).
func isRunningMate(m *relais.Member) bool {
	return policy.Can(m, policy.HomeInbox, policy.Object{})
}
