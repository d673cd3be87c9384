package ui

import (
	"net/http"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/events"
)

// handleCalendarICS handles GET /calendar.ics?token=…: the team's calendar
// apps subscribe to scheduled and published posts (30 days back, 120
// ahead) and the blackout windows. The token is a read-only calendar token
// (relais user token --calendar), never an API token, since calendar apps
// keep it in their URLs; the feed shows what its member may see.
func (s *Server) handleCalendarICS(w http.ResponseWriter, r *http.Request) {
	tok := strings.TrimSpace(r.URL.Query().Get("token"))
	if tok == "" {
		s.apiError(w, r, relais.Errorf(relais.EUNAUTHORIZED, "A token is required: /calendar.ics?token=…"))
		return
	}
	m, err := s.cfg.Auth.CalendarMember(r.Context(), tok)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	r = r.WithContext(relais.NewContextWithMember(r.Context(), m))
	now := time.Now().UTC()
	posts, err := s.calendarPosts(r, now.AddDate(0, 0, -30), now.AddDate(0, 0, 120))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	rounds, err := s.cfg.Approval.ElectionRounds(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	var c events.ICSWriter
	c.Line("BEGIN:VCALENDAR")
	c.Line("VERSION:2.0")
	c.Line("PRODID:-//relais//calendrier de campagne//FR")
	c.Line("CALSCALE:GREGORIAN")
	c.Line("X-WR-CALNAME:relais")
	base := s.publicBase(r)
	for _, p := range posts {
		at := postTime(p)
		c.Line("BEGIN:VEVENT")
		c.Line("UID:post-%d@relais", p.ID)
		c.Times(now, at, at.Add(15*time.Minute))
		c.Line("SUMMARY:%s", events.ICSText("["+translate(m.Lang, "state."+string(p.State))+"] "+excerptRunes(p.Text, 80)))
		c.Line("DESCRIPTION:%s", events.ICSText(p.Text))
		c.Line("URL:%s/posts/%d", base, p.ID)
		c.Line("END:VEVENT")
	}
	for _, rd := range rounds {
		c.Line("BEGIN:VEVENT")
		c.Line("UID:blackout-%d@relais", rd.ID)
		c.Times(now, rd.BlackoutStart, rd.BlackoutEnd)
		c.Line("SUMMARY:%s", events.ICSText("Réserve électorale : "+rd.Name))
		c.Line("TRANSP:TRANSPARENT")
		c.Line("END:VEVENT")
	}
	c.Line("END:VCALENDAR")
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Cache-Control", "private, no-store")
	w.Header().Set("Content-Disposition", `inline; filename="relais.ics"`)
	_, _ = w.Write([]byte(c.String()))
}

// excerptRunes cuts s to n runes on one line.
func excerptRunes(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
