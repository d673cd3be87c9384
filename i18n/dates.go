package i18n

import "time"

// The one way a person reads a date: French "13/12/2026", English "Sun 13
// Dec 2026", with the time "13/12/2026 20:00", "Sun 13 Dec 2026 20:00".
// The caller puts t in the campaign's time zone first.
const (
	dateFR, dateEN         = "02/01/2006", "Mon 2 Jan 2006"
	dateTimeFR, dateTimeEN = "02/01/2006 15:04", "Mon 2 Jan 2006 15:04"
)

// FormatDate writes t's day for a reader of lang.
func FormatDate(lang string, t time.Time) string {
	if Lang(lang) == EN {
		return t.Format(dateEN)
	}
	return t.Format(dateFR)
}

// FormatDateTime writes t's day and time for a reader of lang.
func FormatDateTime(lang string, t time.Time) string {
	if Lang(lang) == EN {
		return t.Format(dateTimeEN)
	}
	return t.Format(dateTimeFR)
}
