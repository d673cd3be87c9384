package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
)

// handleMemberList handles GET /api/members: names for mentions.
func (s *Server) handleMemberList(w http.ResponseWriter, r *http.Request) {
	ms, err := s.cfg.Approval.Members(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"members": nonNil(ms)})
}

// handleMemberStepList handles GET /api/approval-steps: each account's
// second approver, {"steps": {"<account id>": <member id>}}.
func (s *Server) handleMemberStepList(w http.ResponseWriter, r *http.Request) {
	steps, err := s.cfg.Approval.SecondApprovers(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := make(map[string]int64, len(steps))
	for a, m := range steps {
		out[strconv.FormatInt(a, 10)] = m
	}
	writeJSON(w, http.StatusOK, map[string]any{"steps": out})
}

// handleMemberStepSet handles PUT /api/accounts/{id}/second-approver
// {member_id}: 0 or null removes the second step.
func (s *Server) handleMemberStepSet(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.apiError(w, r, relais.Errorf(relais.ENOTFOUND, "Account %q not found.", r.PathValue("id")))
		return
	}
	var in struct {
		MemberID int64 `json:"member_id"`
	}
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	if err := s.cfg.Approval.SetSecondApprover(r.Context(), id, in.MemberID); err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"account_id": id, "member_id": in.MemberID})
}
