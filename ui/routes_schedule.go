package ui

// scheduleRoutes registers the scheduling API (calendar moves, recurring
// posts, queue slots, election rounds).
func (s *Server) scheduleRoutes() {}
