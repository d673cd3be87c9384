package relais

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestRecurrenceMinimumIntervalAllYear (issue 11 item 10): a schedule
// whose first two times are far apart but which later fires twice within
// an hour is refused; hourly and weekday schedules still pass.
func TestRecurrenceMinimumIntervalAllYear(t *testing.T) {
	t.Parallel()
	paris := DefaultLocation()
	now := time.Date(2026, 3, 2, 9, 30, 0, 0, paris) // between 9:00 and 9:59
	r := &Recurrence{PostID: 1, Spec: "0,59 9,23 * * *", TZ: "Europe/Paris"}
	err := r.Validate(now)
	require.Equal(t, EINVALID, ErrorCode(err), "9:59 → 23:00 hides 23:00 → 23:59: %v", err)
	require.Equal(t, "spec", ErrorField(err))
	for _, ok := range []string{"0 * * * *", "30 8 * * 1-5", "0 9,10 * * *", "@daily"} {
		r = &Recurrence{PostID: 1, Spec: ok, TZ: "Europe/Paris"}
		require.NoError(t, r.Validate(now), ok)
	}
	r = &Recurrence{PostID: 1, Spec: "0 12 * * 1", TZ: "Europe/Paris"}
	require.NoError(t, r.Validate(now))
	r = &Recurrence{PostID: 1, Spec: "10,50 12 15 6 *", TZ: "Europe/Paris"}
	require.Error(t, r.Validate(time.Date(2026, 6, 15, 12, 20, 0, 0, paris)),
		"12:50 today, then 12:10 and 12:50 next year: the short gap a year on is found too")
}
