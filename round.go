package relais

import (
	"strings"
	"time"
)

// Validate checks an election round before it is saved: a real date, a
// closing time of the polls, a blackout window that ends after it starts,
// and a voting day not already over at now. Its day is in loc.
func (r *ElectionRound) Validate(now time.Time, loc *time.Location) error {
	r.Name = strings.TrimSpace(r.Name)
	if r.PollsClose == "" {
		r.PollsClose = "20:00"
	}
	if len(r.Name) > 200 {
		return FieldErrorf("name", "The round name is longer than 200 bytes.").With("error.round_name_long")
	}
	start, end, err := r.Window(loc)
	if err != nil {
		return err
	} else if !end.After(start) {
		return FieldErrorf("polls_close", "The blackout would end (%s) before it starts (%s).",
			end.Format(time.RFC3339), start.Format(time.RFC3339)).With("error.round_window")
	} else if end.Before(now) {
		return FieldErrorf("day", "The round of %s is over.", r.Day).With("error.round_over", "day", r.Day)
	}
	return nil
}
