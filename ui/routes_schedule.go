package ui

// scheduleRoutes registers the scheduling API (calendar moves, recurring
// posts, queue slots, election rounds).
func (s *Server) scheduleRoutes() {
	s.api("POST /api/posts/{id}/reschedule", s.handlePostReschedule)
	s.api("POST /api/posts/{id}/cancel", s.handlePostCancel)
	s.api("POST /api/posts/{id}/queue", s.handlePostQueue)
	s.api("GET /api/recurring", s.handleRecurringList)
	s.api("POST /api/recurring", s.handleRecurringCreate)
	s.api("POST /api/recurring/{id}/stop", s.handleRecurringStop)
	s.api("GET /api/accounts/{id}/slots", s.handleSlotList)
	s.api("POST /api/accounts/{id}/slots", s.handleSlotAdd)
	s.api("DELETE /api/slots/{id}", s.handleSlotDelete)
	s.api("GET /api/election-rounds", s.handleRoundList)
	s.api("POST /api/election-rounds", s.handleRoundAdd)
	s.api("GET /api/deliveries", s.handleDeliveryList)
	s.api("GET /api/schedule/check", s.handleScheduleCheck)
}
