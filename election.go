package relais

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
	_ "time/tzdata" // Europe/Paris must resolve on any machine
)

// CampaignTZ is the campaign's default time zone (RELAIS_TIMEZONE unset).
const CampaignTZ = "Europe/Paris"

// location is the campaign's time zone, set once at start (SetLocation).
var location atomic.Pointer[time.Location]

// MustLocation returns the campaign's location: the one set at start from
// RELAIS_TIMEZONE, else CampaignTZ. Weeks, days, blackout windows and
// displayed times are in it.
func MustLocation() *time.Location {
	if loc := location.Load(); loc != nil {
		return loc
	}
	return campaignLocation()
}

// SetLocation sets the campaign's time zone for the process; the relais
// command calls it once at start, before any service runs.
func SetLocation(loc *time.Location) { location.Store(loc) }

var campaignLocation = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation(CampaignTZ)
	if err != nil {
		panic(err) // embedded tzdata makes this unreachable
	}
	return loc
})

// ElectionRound is a voting day. French electoral law (Code électoral, L49)
// forbids electronic propaganda from 00:00 on the eve of the vote until the
// polls close.
type ElectionRound struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	Day        string `json:"day"`         // YYYY-MM-DD, campaign time zone
	PollsClose string `json:"polls_close"` // HH:MM, campaign time zone
}

// Window returns the blackout window of the round, in UTC.
func (r ElectionRound) Window() (start, end time.Time, err error) {
	loc := MustLocation()
	day, err := time.ParseInLocation("2006-01-02", r.Day, loc)
	if err != nil {
		return start, end, FieldErrorf("day", "Day %q is not a date (YYYY-MM-DD).", r.Day).With("error.round_day", "value", r.Day)
	}
	close, err := time.Parse("15:04", r.PollsClose)
	if err != nil {
		return start, end, FieldErrorf("polls_close", "Polls closing time %q is not HH:MM.", r.PollsClose).With("error.round_close", "value", r.PollsClose)
	}
	start = time.Date(day.Year(), day.Month(), day.Day()-1, 0, 0, 0, 0, loc)
	end = time.Date(day.Year(), day.Month(), day.Day(), close.Hour(), close.Minute(), 0, 0, loc)
	return start.UTC(), end.UTC(), nil
}

// Blackout is the set of the campaign's blackout windows.
type Blackout struct {
	Rounds []ElectionRound
}

// At reports whether t falls in a window and, if so, when it ends.
func (b Blackout) At(t time.Time) (bool, time.Time) {
	for _, r := range b.Rounds {
		start, end, err := r.Window()
		if err == nil && !t.Before(start) && t.Before(end) {
			return true, end
		}
	}
	return false, time.Time{}
}

// Refuse returns an EBLACKOUT error if t falls in a window, naming the
// window's end (catalogue key "error.blackout", parameter "until" in RFC
// 3339, formatted for each reader).
func (b Blackout) Refuse(t time.Time) error {
	if in, until := b.At(t); in {
		return &Error{Code: EBLACKOUT, Field: "scheduled_at", Key: "error.blackout",
			Params: map[string]string{"until": until.UTC().Format(time.RFC3339)},
			Message: fmt.Sprintf("Electoral blackout (French electoral code, art. L49): nothing may be published before %s.",
				until.In(MustLocation()).Format("2006-01-02 15:04 MST"))}
	}
	return nil
}
