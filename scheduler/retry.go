package scheduler

import (
	"math/rand/v2"
	"time"

	"github.com/riverqueue/river/rivertype"
)

// retryPolicy is exponential backoff with jitter: base after the first
// error, doubled per error, capped at max, ±20 %. River's default (attempt⁴
// seconds) waits 81 s after the third error and 10 min after the fifth,
// which is too slow for jobs rescued after a crash; errors are still
// bounded by the job's MaxAttempts.
type retryPolicy struct {
	base, max time.Duration
}

// NextRetry implements river.ClientRetryPolicy.
func (p *retryPolicy) NextRetry(job *rivertype.JobRow) time.Time {
	d := p.max
	// job.Errors does not hold the error being retried yet (River's own
	// policy counts len(job.Errors)+1), so n is 0 on the first failure.
	if n := len(job.Errors); n < 40 && p.base<<n > 0 && p.base<<n < p.max {
		d = p.base << n
	}
	jitter := 0.8 + 0.4*rand.Float64()
	return time.Now().UTC().Add(time.Duration(float64(d) * jitter))
}
