package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/policy"
)

// securityRoutes registers the admin's member management (issue 11 item
// 7): the same auth.Service calls as `relais user disable|role|password`.
func (s *Server) securityRoutes() {
	s.api("POST /api/members/{id}/disable", s.handleMemberDisable)
	s.api("PUT /api/members/{id}/role", s.handleMemberRole)
	s.api("PUT /api/members/{id}/password", s.handleMemberPassword)
	s.page("POST /settings/members/{id}", s.handleSettingsMember)
}

// handleMemberDisable handles POST /api/members/{id}/disable.
func (s *Server) handleMemberDisable(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeMember(w, r)(s.cfg.Auth.DisableMember(r.Context(), auth.MemberRef{ID: id}))
}

// handleMemberRole handles PUT /api/members/{id}/role {"role": R}.
func (s *Server) handleMemberRole(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Role relais.Role `json:"role"`
	}
	if id, ok := s.pathAndBody(w, r, &in); ok {
		s.writeMember(w, r)(s.cfg.Auth.SetRole(r.Context(), auth.MemberRef{ID: id}, in.Role))
	}
}

// handleMemberPassword handles PUT /api/members/{id}/password
// {"password": P}.
func (s *Server) handleMemberPassword(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Password string `json:"password"`
	}
	if id, ok := s.pathAndBody(w, r, &in); ok {
		s.writeMember(w, r)(s.cfg.Auth.SetMemberPassword(r.Context(), auth.MemberRef{ID: id}, in.Password))
	}
}

// pathAndBody reads the ID in the path and the JSON body into in; on a
// problem it answers with the error and returns false.
func (s *Server) pathAndBody(w http.ResponseWriter, r *http.Request, in any) (int64, bool) {
	id, err := pathID(r)
	if err == nil {
		err = decodeJSON(r, in)
	}
	if err != nil {
		s.apiError(w, r, err)
		return 0, false
	}
	return id, true
}

// writeMember answers with the changed member, or the error.
func (s *Server) writeMember(w http.ResponseWriter, r *http.Request) func(*relais.Member, error) {
	return func(m *relais.Member, err error) {
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, m)
	}
}

// handleSettingsMember handles POST /settings/members/{id} from the
// members page: action=disable, action=role&role=R or
// action=password&password=P. A refusal shows the page again with the
// error beside its field.
func (s *Server) handleSettingsMember(w http.ResponseWriter, r *http.Request) {
	p, id, err := s.newSettingsItemForm(w, r, "members", policy.MembersManage)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if err = s.memberAction(r, id); err != nil {
		p.Values = map[string]string{"member": strconv.FormatInt(id, 10), "role": r.FormValue("role")}
		s.settingsFailed(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/settings/members?ok=member", http.StatusSeeOther)
}

// memberAction runs the members form's action on member id.
func (s *Server) memberAction(r *http.Request, id int64) (err error) {
	who, ctx := auth.MemberRef{ID: id}, r.Context()
	switch r.FormValue("action") {
	case "disable":
		_, err = s.cfg.Auth.DisableMember(ctx, who)
	case "role":
		_, err = s.cfg.Auth.SetRole(ctx, who, relais.Role(r.FormValue("role")))
	case "password":
		_, err = s.cfg.Auth.SetMemberPassword(ctx, who, r.FormValue("password"))
	default:
		err = &relais.Error{Code: relais.EINVALID, Field: "action", Message: "Unknown action (disable, role, password).", Key: "error.member_action"}
	}
	return err
}
