package analytics

import (
	"fmt"
	"strconv"
	"time"

	"github.com/relais/relais"
)

// Week is an ISO 8601 week in the campaign's time zone (RELAIS_TIMEZONE,
// store.Store.Location): Monday 00:00 to the next Monday 00:00.
type Week struct {
	Year, Num int
	From, To  time.Time
}

// String returns the week as YYYY-Www.
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Num) }

// Previous returns the week before w.
func (w Week) Previous() Week {
	y, n := w.From.AddDate(0, 0, -7).ISOWeek()
	prev, _ := MakeWeek(y, n, w.From.Location())
	return prev
}

// Days returns the first and last calendar days of w (YYYY-MM-DD).
func (w Week) Days() (string, string) {
	return w.From.Format(time.DateOnly), w.To.AddDate(0, 0, -1).Format(time.DateOnly)
}

// MakeWeek returns ISO week n of year in loc; ok is false if it does not
// exist.
func MakeWeek(year, n int, loc *time.Location) (Week, bool) {
	jan4 := time.Date(year, 1, 4, 0, 0, 0, 0, loc)
	mon1 := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	from := mon1.AddDate(0, 0, 7*(n-1))
	if y, m := from.ISOWeek(); n < 1 || y != year || m != n {
		return Week{}, false
	}
	return Week{Year: year, Num: n, From: from, To: from.AddDate(0, 0, 7)}, true
}

// ParseWeek reads YYYY-Www. A malformed or non-existent week is a field
// error on "week". The week is in loc.
func ParseWeek(s string, loc *time.Location) (Week, error) {
	bad := relais.FieldErrorf("week", "Week %q is not of the form YYYY-Www (e.g. 2026-W49).", s)
	if len(s) != 8 || s[4:6] != "-W" || !digits(s[:4]) || !digits(s[6:]) {
		return Week{}, bad
	}
	y, _ := strconv.Atoi(s[:4])
	n, _ := strconv.Atoi(s[6:])
	w, ok := MakeWeek(y, n, loc)
	if !ok || y < 2000 {
		return Week{}, relais.FieldErrorf("week", "Week %q does not exist: %d has no week %d.", s, y, n)
	}
	return w, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// WeekOf returns the ISO week holding t in loc, the campaign's time zone.
func WeekOf(t time.Time, loc *time.Location) Week {
	y, n := t.In(loc).ISOWeek()
	w, _ := MakeWeek(y, n, loc)
	return w
}
