package scheduler

import (
	"testing"
	"time"

	"github.com/riverqueue/river/rivertype"
	"github.com/stretchr/testify/require"
)

// TestRetryPolicy checks the doubling, the jitter bounds and the cap.
func TestRetryPolicy(t *testing.T) {
	t.Parallel()
	p := &retryPolicy{base: time.Second, max: time.Minute}
	for errs, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second} {
		job := &rivertype.JobRow{Errors: make([]rivertype.AttemptError, errs)}
		d := time.Until(p.NextRetry(job))
		require.InDelta(t, float64(want), float64(d), float64(want)/5+float64(50*time.Millisecond), "after %d errors", errs)
	}
	d := time.Until(p.NextRetry(&rivertype.JobRow{Errors: make([]rivertype.AttemptError, 100)}))
	require.LessOrEqual(t, d, time.Minute*12/10)
	require.Greater(t, d, time.Minute*7/10)
}
