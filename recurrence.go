package relais

import (
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// Recurrence is a recurring post: copies of a template post published at
// each time of a cron schedule (minute hour day-of-month month day-of-week,
// or a descriptor such as @daily) read in a named time zone.
type Recurrence struct {
	ID        int64      `json:"id"`
	PostID    int64      `json:"post_id"` // the approved template
	Spec      string     `json:"spec"`    // e.g. "30 8 * * 1-5"
	TZ        string     `json:"tz"`      // e.g. "Europe/Paris"
	Active    bool       `json:"active"`
	NextAt    *time.Time `json:"next_at,omitempty"`
	CreatedBy int64      `json:"created_by"`
	CreatedAt time.Time  `json:"created_at"`
	// ContentHash is the template's ContentOnlyHash when the recurrence
	// was approved: a template edited since then does not recur.
	ContentHash string `json:"content_hash"`
}

var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// Schedule parses the recurrence as "CRON_TZ=<tz> <spec>". Returns an
// EINVALID error naming "tz" or "spec". An empty TZ becomes CampaignTZ:
// the approval service fills in the campaign's zone before.
func (r *Recurrence) Schedule() (cron.Schedule, error) {
	if r.TZ == "" {
		r.TZ = CampaignTZ
	}
	if _, err := time.LoadLocation(r.TZ); err != nil || strings.ContainsAny(r.TZ, " \t") {
		return nil, FieldErrorf("tz", "Unknown time zone %q (use an IANA name such as Europe/Paris).", r.TZ).With("error.recur_tz", "value", r.TZ)
	}
	spec := strings.TrimSpace(r.Spec)
	if spec == "" {
		return nil, FieldErrorf("spec", "A cron expression is required, e.g. \"30 8 * * 1-5\".").With("error.recur_required")
	} else if strings.Contains(spec, "TZ=") {
		return nil, FieldErrorf("spec", "Give the time zone in the tz field, not in the cron expression.").With("error.recur_tz_in_spec")
	} else if strings.HasPrefix(spec, "@every") {
		return nil, FieldErrorf("spec", "@every is not supported: give wall-clock times, e.g. \"0 9 * * *\".").With("error.recur_every")
	}
	s, err := cronParser.Parse("CRON_TZ=" + r.TZ + " " + spec)
	if err != nil {
		return nil, FieldErrorf("spec", "Invalid cron expression %q: %s.", spec, err.Error()).With("error.recur_invalid", "value", spec)
	}
	return s, nil
}

// Validate checks the schedule and that it fires at least once in the
// next five years after now.
func (r *Recurrence) Validate(now time.Time) error {
	if r.PostID <= 0 {
		return FieldErrorf("post_id", "A template post is required.").With("error.recur_post")
	}
	next, err := r.Next(now)
	if err != nil {
		return err
	} else if next.IsZero() || next.After(now.AddDate(5, 0, 0)) {
		return FieldErrorf("spec", "The cron expression %q never fires.", r.Spec).With("error.recur_never", "value", r.Spec)
	}
	return r.checkGaps(next, next.AddDate(1, 0, 0))
}

// checkGaps checks that every two consecutive times of the schedule from
// first until end are at least MinRecurrenceInterval apart (a year of an
// hourly schedule is under 9,000 steps; the first short gap stops it).
func (r *Recurrence) checkGaps(first, end time.Time) error {
	for prev := first; prev.Before(end); {
		after, err := r.Next(prev)
		if err != nil || after.IsZero() {
			return err
		} else if gap := after.Sub(prev); gap < MinRecurrenceInterval {
			return FieldErrorf("spec", "The cron expression %q fires %s apart (at %s): a post (and its share kits) may recur at most once an hour.",
				r.Spec, gap, prev.Format(time.RFC3339)).With("error.recur_often", "value", r.Spec, "at", prev.UTC().Format(time.RFC3339))
		}
		prev = after
	}
	return nil
}

// MinRecurrenceInterval is the shortest gap between two times of a
// recurrence: each time publishes a post and thousands of share kits.
const MinRecurrenceInterval = time.Hour

// Next returns the first time of the schedule strictly after `after`, in
// UTC. It is DST-correct: times are wall-clock times in r.TZ. When the
// clocks go back, a wall-clock time that occurs twice fires once (the
// first); when they go forward, a time that does not exist that day is
// skipped (cron semantics). Returns the zero time if it never fires.
func (r *Recurrence) Next(after time.Time) (time.Time, error) {
	s, err := r.Schedule()
	if err != nil {
		return time.Time{}, err
	}
	loc, _ := time.LoadLocation(r.TZ)
	next := s.Next(after)
	if !next.IsZero() && wallClock(next, loc) == wallClock(after, loc) {
		next = s.Next(next) // the repeated hour after clocks go back
	}
	return next.UTC(), nil
}

func wallClock(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("2006-01-02 15:04")
}

// RecurrenceRun is one fired time of a recurrence: the post it created, or
// why it created none.
type RecurrenceRun struct {
	At      time.Time `json:"at"`
	PostID  int64     `json:"post_id,omitempty"`
	Outcome string    `json:"outcome"` // created, skipped_blackout, skipped_changed, missed
}
