package relais

import (
	"fmt"
	"sync"
	"time"
	_ "time/tzdata" // Europe/Paris must resolve on any machine
)

// CampaignTZ is the campaign's default time zone (RELAIS_TIMEZONE unset).
const CampaignTZ = "Europe/Paris"

// DefaultLocation returns CampaignTZ's location: the campaign's time zone
// when its configuration names none (RELAIS_TIMEZONE unset). The zone in
// use travels with the configuration (store.Config.Location), never as
// process-wide state, so that two servers in one process may differ.
func DefaultLocation() *time.Location { return campaignLocation() }

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

// Window returns the blackout window of the round, in UTC; its day and
// closing time are wall-clock times in loc, the campaign's time zone.
func (r ElectionRound) Window(loc *time.Location) (start, end time.Time, err error) {
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
	// Loc is the campaign's time zone, which the rounds' days are in;
	// nil means DefaultLocation.
	Loc *time.Location
}

// Location returns b.Loc, else DefaultLocation.
func (b Blackout) Location() *time.Location {
	if b.Loc != nil {
		return b.Loc
	}
	return DefaultLocation()
}

// At reports whether t falls in a window and, if so, when it ends.
func (b Blackout) At(t time.Time) (bool, time.Time) {
	for _, r := range b.Rounds {
		start, end, err := r.Window(b.Location())
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
				until.In(b.Location()).Format("2006-01-02 15:04 MST"))}
	}
	return nil
}
