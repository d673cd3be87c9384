package ui

import (
	"net/http"

	"github.com/relais/relais/auth"
)

// handleInvitationCreate handles POST /api/invitations {email, name, role}:
// an admin invites a member by e-mail link.
func (s *Server) handleInvitationCreate(w http.ResponseWriter, r *http.Request) {
	var in auth.InviteInput
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	out, err := s.cfg.Auth.Invite(r.Context(), in)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, out)
}
