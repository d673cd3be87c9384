package ui

// approvalRoutes registers the approval workflow's extra API routes
// (comments, invitations, members, second approval steps) and the
// invitation page, which needs no session: its token is the credential.
func (s *Server) approvalRoutes() {
	s.api("GET /api/posts/{id}/comments", s.handleCommentList)
	s.api("POST /api/posts/{id}/comments", s.handleCommentCreate)
	s.api("POST /api/invitations", s.handleInvitationCreate)
	s.api("GET /api/members", s.handleMemberList)
	s.api("GET /api/approval-steps", s.handleMemberStepList)
	s.api("PUT /api/accounts/{id}/second-approver", s.handleMemberStepSet)
	s.mux.HandleFunc("GET /invite/{token}", s.handleInvitePage)
	s.mux.HandleFunc("POST /invite/{token}", s.handleInviteSubmit)
}
