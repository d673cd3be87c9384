package events

import (
	"fmt"
	"strings"
	"time"

	"github.com/relais/relais"
)

// ICSWriter accumulates the content lines of an iCalendar file (RFC 5545):
// the event pages and the team's calendar feed both write through it.
type ICSWriter struct{ b strings.Builder }

// ICSStamp is the layout of a UTC DATE-TIME value.
const ICSStamp = "20060102T150405Z"

// Line appends one content line formatted as by fmt.Sprintf, folded at 75
// octets and ended with CRLF.
func (w *ICSWriter) Line(format string, args ...any) {
	w.b.WriteString(icsFold(fmt.Sprintf(format, args...)))
}

// Times appends the DTSTAMP, DTSTART and DTEND lines of a VEVENT, in UTC.
func (w *ICSWriter) Times(stamp, start, end time.Time) {
	w.Line("DTSTAMP:%s", stamp.UTC().Format(ICSStamp))
	w.Line("DTSTART:%s", start.UTC().Format(ICSStamp))
	w.Line("DTEND:%s", end.UTC().Format(ICSStamp))
}

// String returns the file written so far.
func (w *ICSWriter) String() string { return w.b.String() }

// ICS returns an iCalendar file (RFC 5545) with one VEVENT for e; url is
// the event's public page.
func ICS(e *relais.FieldEvent, url string, now time.Time) string {
	var w ICSWriter
	w.Line("BEGIN:VCALENDAR")
	w.Line("VERSION:2.0")
	w.Line("PRODID:-//relais//evenements//FR")
	w.Line("METHOD:PUBLISH")
	w.Line("BEGIN:VEVENT")
	w.Line("UID:event-%d-%s@relais", e.ID, e.Slug)
	w.Times(now, e.StartsAt, e.EndsAt)
	w.Line("SUMMARY:%s", ICSText(e.Title))
	w.Line("LOCATION:%s", ICSText(e.Place+", "+e.District))
	w.Line("URL:%s", url)
	w.Line("END:VEVENT")
	w.Line("END:VCALENDAR")
	return w.String()
}

// ICSText escapes a TEXT value (RFC 5545 §3.3.11).
func ICSText(s string) string {
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
