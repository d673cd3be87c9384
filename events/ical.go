package events

import (
	"fmt"
	"strings"
	"time"

	"github.com/relais/relais"
)

// ICS returns an iCalendar file (RFC 5545) with one VEVENT for e; url is
// the event's public page.
func ICS(e *relais.FieldEvent, url string, now time.Time) string {
	var b strings.Builder
	line := func(format string, args ...any) { b.WriteString(icsFold(fmt.Sprintf(format, args...))) }
	const stamp = "20060102T150405Z"
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//relais//evenements//FR")
	line("METHOD:PUBLISH")
	line("BEGIN:VEVENT")
	line("UID:event-%d-%s@relais", e.ID, e.Slug)
	line("DTSTAMP:%s", now.UTC().Format(stamp))
	line("DTSTART:%s", e.StartsAt.UTC().Format(stamp))
	line("DTEND:%s", e.EndsAt.UTC().Format(stamp))
	line("SUMMARY:%s", icsText(e.Title))
	line("LOCATION:%s", icsText(e.Place+", "+e.District))
	line("URL:%s", url)
	line("END:VEVENT")
	line("END:VCALENDAR")
	return b.String()
}

// icsText escapes a TEXT value (RFC 5545 §3.3.11).
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// icsFold folds a content line at 75 octets without splitting a UTF-8
// sequence and ends it with CRLF (RFC 5545 §3.1).
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
