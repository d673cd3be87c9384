package ui

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/relais/relais"
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
	var b strings.Builder
	line := func(format string, args ...any) { b.WriteString(icsFold(fmt.Sprintf(format, args...))) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//relais//calendrier de campagne//FR")
	line("CALSCALE:GREGORIAN")
	line("X-WR-CALNAME:relais")
	stamp := now.Format("20060102T150405Z")
	base := s.publicBase(r)
	for _, p := range posts {
		at := postTime(p).UTC()
		line("BEGIN:VEVENT")
		line("UID:post-%d@relais", p.ID)
		line("DTSTAMP:%s", stamp)
		line("DTSTART:%s", at.Format("20060102T150405Z"))
		line("DTEND:%s", at.Add(15*time.Minute).Format("20060102T150405Z"))
		line("SUMMARY:%s", icsText("["+translate(m.Lang, "state."+string(p.State))+"] "+excerptRunes(p.Text, 80)))
		line("DESCRIPTION:%s", icsText(p.Text))
		line("URL:%s/posts/%d", base, p.ID)
		line("END:VEVENT")
	}
	for _, rd := range rounds {
		line("BEGIN:VEVENT")
		line("UID:blackout-%d@relais", rd.ID)
		line("DTSTAMP:%s", stamp)
		line("DTSTART:%s", rd.BlackoutStart.UTC().Format("20060102T150405Z"))
		line("DTEND:%s", rd.BlackoutEnd.UTC().Format("20060102T150405Z"))
		line("SUMMARY:%s", icsText("Réserve électorale : "+rd.Name))
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Cache-Control", "private, no-store")
	w.Header().Set("Content-Disposition", `inline; filename="relais.ics"`)
	_, _ = w.Write([]byte(b.String()))
}

// icsText escapes a TEXT value (RFC 5545 §3.3.11).
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// icsFold folds a content line at 75 octets without splitting a UTF-8
// sequence, and ends it with CRLF (RFC 5545 §3.1).
func icsFold(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		l := len(string(r))
		if n+l > 75 {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteRune(r)
		n += l
	}
	b.WriteString("\r\n")
	return b.String()
}

// excerptRunes cuts s to n runes on one line.
func excerptRunes(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
