package relais

import (
	"fmt"
	"sort"
	"time"
)

// QueueSlot is a weekly publication time of an account ("weekdays 08:30"):
// "add to queue" schedules a post at the next free slot of its targets.
type QueueSlot struct {
	ID        int64        `json:"id"`
	AccountID int64        `json:"account_id"`
	Weekday   time.Weekday `json:"weekday"` // 0 = Sunday
	Time      string       `json:"time"`    // HH:MM, wall clock in TZ
	TZ        string       `json:"tz"`
}

// Validate checks the weekday, the time and the time zone; an empty time
// zone becomes loc's, the campaign's.
func (s *QueueSlot) Validate(loc *time.Location) error {
	if s.TZ == "" {
		s.TZ = loc.String()
	}
	if _, err := time.LoadLocation(s.TZ); err != nil {
		return FieldErrorf("tz", "Unknown time zone %q.", s.TZ).With("error.slot_tz", "value", s.TZ)
	} else if s.Weekday < time.Sunday || s.Weekday > time.Saturday {
		return FieldErrorf("weekdays", "Weekday %d is not between 0 (Sunday) and 6 (Saturday).", s.Weekday).With("error.slot_weekday")
	} else if _, err := time.Parse("15:04", s.Time); err != nil || len(s.Time) != 5 {
		return FieldErrorf("times", "Time %q is not HH:MM.", s.Time).With("error.slot_time", "value", s.Time)
	}
	return nil
}

// On returns the slot's instant on the given local date, in UTC, or false
// if the date is not the slot's weekday.
func (s QueueSlot) On(year int, month time.Month, day int) (time.Time, bool) {
	loc, err := time.LoadLocation(s.TZ)
	if err != nil {
		return time.Time{}, false
	}
	hm, _ := time.Parse("15:04", s.Time)
	t := time.Date(year, month, day, hm.Hour(), hm.Minute(), 0, 0, loc)
	if t.Weekday() != s.Weekday {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// NextFreeSlot returns the earliest slot time after `after` (within eight
// weeks) that is not taken and not inside a blackout window; days are
// those of b's time zone, the campaign's. Returns a
// ECONFLICT error when there is none.
func NextFreeSlot(slots []QueueSlot, after time.Time, taken func(time.Time) bool, b Blackout) (time.Time, error) {
	if len(slots) == 0 {
		return time.Time{}, Errorf(ECONFLICT, "The target accounts have no queue slots: add some first.").With("error.no_slots")
	}
	day := after.In(b.Location())
	for d := 0; d < 7*8; d++ {
		var cands []time.Time
		for _, s := range slots {
			if t, ok := s.On(day.Year(), day.Month(), day.Day()+d); ok && t.After(after) {
				cands = append(cands, t)
			}
		}
		sort.Slice(cands, func(i, j int) bool { return cands[i].Before(cands[j]) })
		for _, t := range cands {
			if in, _ := b.At(t); !in && !taken(t) {
				return t, nil
			}
		}
	}
	return time.Time{}, Errorf(ECONFLICT, "%s", fmt.Sprintf("No free queue slot in the next eight weeks after %s.", after.Format(time.RFC3339))).
		With("error.no_free_slot", "at", after.UTC().Format(time.RFC3339))
}
