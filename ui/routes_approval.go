package ui

// approvalRoutes registers the approval workflow's extra API routes
// (comments, invitations, members).
func (s *Server) approvalRoutes() {}
