package ui

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/policy"
)

// settingsRoutes registers the settings pages: the index, one page per
// section and the forms each posts.
func (s *Server) settingsRoutes() {
	s.page("GET /settings", s.handleSettingsPage)
	for _, sec := range settingsSections {
		s.page("GET /settings/"+sec.Slug, s.handleSettingsSection(sec.Slug))
	}
	s.page("POST /settings/tone", s.handleSettingsTone)
	s.page("POST /settings/tone/people", s.settingsForm("tone", policy.ToneRulesSave, s.handleSettingsTonePeople))
	s.page("POST /settings/tone/profiles", s.settingsForm("tone", policy.ToneRulesSave, s.handleSettingsToneProfiles))
	s.page("POST /settings/rounds", s.settingsForm("rounds", policy.RoundsDeclare, s.handleSettingsRound))
	s.page("POST /settings/members/invite", s.settingsForm("members", policy.MembersManage, s.handleSettingsInvite))
	s.page("POST /settings/accounts/{id}/approver", s.settingsForm("accounts", policy.ApprovalStepsSet, s.handleSettingsApprover))
	s.page("POST /settings/slots/{id}", s.handleSettingsSlots)
}

// settingsFailed shows section's page again with err: its message at the
// top and beside its field, in the page's language, and what was typed
// (already in p). Errors that are not the form's go to the error page.
func (s *Server) settingsFailed(w http.ResponseWriter, r *http.Request, p settingsPage, err error) {
	switch relais.ErrorCode(err) {
	case relais.EINVALID, relais.ECONFLICT, relais.EBLACKOUT:
	default:
		s.pageError(w, r, err)
		return
	}
	p.Error = formError(p.Page, err)
	if f := relais.ErrorField(err); f != "" {
		p.FieldErr[f] = p.Error
	}
	s.renderSettings(w, r, statusOf[relais.ErrorCode(err)], p)
}

// handleSettingsInvite handles POST /settings/members/invite {email,
// name, role, district, lang}: the invitation is e-mailed, or its link
// shown when it cannot be.
func (s *Server) handleSettingsInvite(w http.ResponseWriter, r *http.Request, p settingsPage) {
	p.Invite = auth.InviteInput{Email: strings.TrimSpace(r.FormValue("email")), Name: strings.TrimSpace(r.FormValue("name")),
		Role: relais.Role(r.FormValue("role")), District: r.FormValue("district"), Lang: r.FormValue("lang")}
	inv, err := s.cfg.Auth.Invite(r.Context(), p.Invite)
	if err != nil {
		s.settingsFailed(w, r, p, err)
		return
	}
	if inv.Link == "" {
		http.Redirect(w, r, "/settings/members?ok=invited", http.StatusSeeOther)
		return
	}
	p.Invite, p.Flash = auth.InviteInput{}, p.T("settings.invite_link")
	p.Values = map[string]string{"link": inv.Link}
	s.renderSettings(w, r, http.StatusOK, p)
}

// handleSettingsApprover handles POST /settings/accounts/{id}/approver
// {member_id}: the account's second approver (0: none).
func (s *Server) handleSettingsApprover(w http.ResponseWriter, r *http.Request, p settingsPage) {
	id, err := pathID(r)
	var member int64
	if err == nil {
		if member, err = strconv.ParseInt(r.FormValue("member_id"), 10, 64); err != nil {
			err = relais.FieldErrorf("member_id", "Choose a member.").With("error.member_choose")
		}
	}
	if err == nil {
		err = s.cfg.Approval.SetSecondApprover(r.Context(), id, member)
	}
	if err != nil {
		p.Values = map[string]string{"account": strconv.FormatInt(id, 10)}
		s.settingsFailed(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/settings/accounts?ok=account", http.StatusSeeOther)
}

// handleSettingsSlots handles POST /settings/slots/{id} {weekdays[],
// times}: queue slots for an account.
func (s *Server) handleSettingsSlots(w http.ResponseWriter, r *http.Request) {
	p, id, err := s.newSettingsItemForm(w, r, "slots", policy.SlotsManage)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	_ = r.ParseForm()
	typed := settingsTyped{Times: r.PostFormValue("times"), Weekdays: map[string]bool{}}
	in := approval.SlotsInput{Times: splitList(typed.Times)}
	for _, d := range r.PostForm["weekdays"] {
		typed.Weekdays[d] = true
		n, convErr := strconv.Atoi(d)
		if convErr != nil {
			n = -1
		}
		in.Weekdays = append(in.Weekdays, n)
	}
	p.Typed = map[int64]settingsTyped{id: typed}
	if _, err := s.cfg.Approval.AddSlots(r.Context(), id, in); err != nil {
		p.FieldErr = map[string]string{}
		p.Values = map[string]string{"account": strconv.FormatInt(id, 10)}
		s.settingsFailed(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/settings/slots?ok=slots#account-"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}

// handleSettingsAccount handles POST /settings/accounts/{id}: the tone
// profile and, pasted as a JSON object, new credentials (reconnect).
func (s *Server) handleSettingsAccount(w http.ResponseWriter, r *http.Request) {
	p, id, err := s.newSettingsItemForm(w, r, "accounts", policy.AccountsManage)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	in := approval.AccountUpdate{ToneProfile: r.FormValue("tone_profile")}
	if c := strings.TrimSpace(r.FormValue("credentials")); c != "" {
		if json.Unmarshal([]byte(c), &in.Credentials) != nil {
			err = &relais.Error{Code: relais.EINVALID, Field: "credentials", Message: "Paste a JSON object of strings.", Key: "error.credentials_json"}
		}
	}
	if err == nil {
		_, err = s.cfg.Approval.UpdateAccount(r.Context(), id, in)
	}
	if err != nil {
		p.Values = map[string]string{"account": strconv.FormatInt(id, 10), "credentials": r.FormValue("credentials")}
		s.settingsFailed(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/settings/accounts?ok=account", http.StatusSeeOther)
}
