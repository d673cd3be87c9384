package relais_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

func paris(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, relais.DefaultLocation())
	require.NoError(t, err)
	return v
}

// TestRecurrenceDST checks wall-clock times across both 2026 DST changes.
func TestRecurrenceDST(t *testing.T) {
	t.Parallel()
	r := &relais.Recurrence{PostID: 1, Spec: "30 8 * * 1-5", TZ: "Europe/Paris"}
	next, err := r.Next(paris(t, "2026-03-27 09:00")) // Friday before spring forward
	require.NoError(t, err)
	require.Equal(t, "2026-03-30 08:30 CEST", next.In(relais.DefaultLocation()).Format("2006-01-02 15:04 MST"))
	require.Equal(t, 6, next.Hour(), "08:30 CEST is 06:30 UTC")
	next, _ = r.Next(paris(t, "2026-10-23 09:00")) // Friday before fall back
	require.Equal(t, "2026-10-26 08:30 CET", next.In(relais.DefaultLocation()).Format("2006-01-02 15:04 MST"))

	daily := &relais.Recurrence{PostID: 1, Spec: "30 2 * * *"}
	var fired []string
	at := paris(t, "2026-10-24 12:00")
	for i := 0; i < 3; i++ {
		at, err = daily.Next(at)
		require.NoError(t, err)
		fired = append(fired, at.In(relais.DefaultLocation()).Format("01-02 15:04 MST"))
	}
	require.Equal(t, []string{"10-25 02:30 CEST", "10-26 02:30 CET", "10-27 02:30 CET"}, fired,
		"02:30 happens twice on 25 October: it fires once")
}

// TestRecurrenceBadInput checks the field errors of bad rules.
func TestRecurrenceBadInput(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		spec, tz, field string
	}{
		{"61 * * * *", "", "spec"},
		{"not a cron", "", "spec"},
		{"", "", "spec"},
		{"0 9 * * *", "Europe/Pariss", "tz"},
		{"0 9 * * *", "Mars/Olympus", "tz"},
		{"CRON_TZ=UTC 0 9 * * *", "", "spec"},
		{"@every 5m", "", "spec"},
		{"0 0 30 2 *", "", "spec"}, // 30 February never comes
		{"* * * * *", "", "spec"},  // every minute: thousands of share kits
		{"*/30 8-18 * * 1-5", "", "spec"},
	} {
		r := &relais.Recurrence{PostID: 1, Spec: c.spec, TZ: c.tz}
		err := r.Validate(now)
		require.Error(t, err, c.spec)
		require.Equal(t, relais.EINVALID, relais.ErrorCode(err), c.spec)
		require.Equal(t, c.field, relais.ErrorField(err), c.spec)
	}
	require.NoError(t, (&relais.Recurrence{PostID: 1, Spec: "@daily"}).Validate(now))
	require.NoError(t, (&relais.Recurrence{PostID: 1, Spec: "30 8,12,18 * * 1-5"}).Validate(now))
}

// TestNextFreeSlot checks the queue: next weekday slot, taken slots and
// blackout windows skipped.
func TestNextFreeSlot(t *testing.T) {
	t.Parallel()
	var slots []relais.QueueSlot
	for d := time.Monday; d <= time.Friday; d++ {
		for _, hm := range []string{"08:30", "12:30", "18:30"} {
			s := relais.QueueSlot{Weekday: d, Time: hm}
			require.NoError(t, s.Validate(relais.DefaultLocation()))
			slots = append(slots, s)
		}
	}
	friday := paris(t, "2026-03-13 19:00")
	taken := map[int64]bool{paris(t, "2026-03-16 08:30").Unix(): true}
	b := relais.Blackout{Rounds: []relais.ElectionRound{{Day: "2026-03-17", PollsClose: "20:00"}}}
	isTaken := func(t time.Time) bool { return taken[t.Unix()] }
	got, err := relais.NextFreeSlot(slots, friday, isTaken, relais.Blackout{})
	require.NoError(t, err)
	require.Equal(t, paris(t, "2026-03-16 12:30").UTC(), got, "Monday 08:30 is taken")
	got, err = relais.NextFreeSlot(slots, friday, isTaken, b)
	require.NoError(t, err)
	require.Equal(t, paris(t, "2026-03-18 08:30").UTC(), got, "blackout from Monday 00:00 to Tuesday 20:00")
	_, err = relais.NextFreeSlot(nil, friday, func(time.Time) bool { return false }, b)
	require.Equal(t, relais.ECONFLICT, relais.ErrorCode(err))
	bad := relais.QueueSlot{Weekday: 7, Time: "08:30"}
	require.Equal(t, "weekdays", relais.ErrorField(bad.Validate(relais.DefaultLocation())))
	bad = relais.QueueSlot{Weekday: 1, Time: "8h30"}
	require.Equal(t, "times", relais.ErrorField(bad.Validate(relais.DefaultLocation())))
}

// TestElectionRoundValidate checks the round's field errors.
func TestElectionRoundValidate(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct{ day, close, field string }{
		{"2026-13-01", "20:00", "day"},
		{"15/03/2026", "20:00", "day"},
		{"2026-03-15", "25:00", "polls_close"},
		{"2026-03-15", "8pm", "polls_close"},
		{"2026-02-01", "20:00", "day"}, // over
	} {
		r := relais.ElectionRound{Day: c.day, PollsClose: c.close}
		require.Equal(t, c.field, relais.ErrorField(r.Validate(now, relais.DefaultLocation())), c)
	}
	require.NoError(t, (&relais.ElectionRound{Day: "2026-03-15"}).Validate(now, relais.DefaultLocation()))
}

// FuzzRecurrence: any cron text and zone validates or fails with a field
// error, never a panic, and a valid one fires in the future.
func FuzzRecurrence(f *testing.F) {
	for _, s := range []string{"30 8 * * 1-5", "@daily", "0 0 30 2 *", "CRON_TZ=UTC 0 9 * * *", "61 * * * *", "*/5 * * * *"} {
		f.Add(s, "Europe/Paris")
	}
	now := time.Date(2026, 3, 29, 0, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, spec, tz string) {
		r := &relais.Recurrence{PostID: 1, Spec: spec, TZ: tz}
		if err := r.Validate(now); err != nil {
			if f := relais.ErrorField(err); f != "spec" && f != "tz" {
				t.Fatalf("error without the field at fault: %v", err)
			}
			return
		}
		next, err := r.Next(now)
		if err != nil || !next.After(now) {
			t.Fatalf("valid %q fires at %v (%v)", spec, next, err)
		}
	})
}
