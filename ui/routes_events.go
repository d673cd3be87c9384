package ui

import (
	"time"

	"github.com/relais/relais/auth"
)

// Limits on the public event pages' RSVPs: per client address, and for
// all clients together (which also bounds the per-address table).
const (
	rsvpPerClient = 10
	rsvpAll       = 600
	rsvpPeriod    = time.Minute
)

// eventRoutes registers field events: the API and pages for the team, and
// each public event's page, iCalendar file and RSVP form, which need no
// session and are rate-limited.
func (s *Server) eventRoutes() {
	s.pwaRoutes()
	if s.cfg.Events == nil {
		return
	}
	s.api("POST /api/events", s.handleEventCreate)
	s.api("GET /api/events", s.handleEventList)
	s.api("GET /api/events/{id}", s.handleEventGet)
	s.api("GET /api/events/{id}/rsvps", s.handleEventRSVPs)
	s.page("GET /events", s.handleEventsPage)
	s.page("POST /events", s.handleEventsSubmit)
	s.page("GET /events/{id}", s.handleEventPage)
	lim := &rsvpLimiter{client: auth.NewLimiter(rsvpPerClient, rsvpPeriod), all: auth.NewLimiter(rsvpAll, rsvpPeriod)}
	s.mux.HandleFunc("GET /e/{slug}", s.handlePublicEvent)
	s.mux.HandleFunc("GET /e/{slug}/event.ics", s.handlePublicEventICS)
	s.mux.Handle("POST /e/{slug}/rsvp", s.csrf().Handler(s.handlePublicRSVP(lim)))
}

// rsvpLimiter bounds anonymous RSVPs.
type rsvpLimiter struct {
	client, all *auth.Limiter
}

// take counts one RSVP attempt from client and reports whether it may go on.
func (l *rsvpLimiter) take(client string) bool {
	if !l.all.Take("*") {
		return false
	} else if !l.client.Take(client) {
		l.all.Refund("*")
		return false
	}
	return true
}
