package httpc

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"
)

// RetryAfter reads the Retry-After header (seconds or an HTTP date); def
// from now when it is absent or unreadable.
func RetryAfter(h http.Header, def time.Duration) time.Time {
	v := h.Get("Retry-After")
	if s, err := strconv.ParseFloat(v, 64); err == nil && s > 0 {
		return time.Now().Add(time.Duration(s * float64(time.Second))).UTC()
	}
	if t, err := http.ParseTime(v); err == nil {
		return t.UTC()
	}
	return time.Now().Add(def).UTC()
}

// ResetEpoch reads a rate-limit reset header in epoch seconds (X's
// x-rate-limit-reset, Bluesky's ratelimit-reset); def from now without it.
func ResetEpoch(h http.Header, name string, def time.Duration) time.Time {
	if n, err := strconv.ParseInt(h.Get(name), 10, 64); err == nil && n > 0 {
		return time.Unix(n, 0).UTC()
	}
	return time.Now().Add(def).UTC()
}

// errAwake is the cause Sleep's own timer ends its context with.
var errAwake = errors.New("httpc: slept")

// Sleep waits d or until ctx ends, returning ctx's error then: the pause
// between two polls of a platform still processing an upload.
func Sleep(ctx context.Context, d time.Duration) error {
	ctx, cancel := context.WithTimeoutCause(ctx, d, errAwake)
	defer cancel()
	<-ctx.Done()
	if context.Cause(ctx) == errAwake {
		return nil
	}
	return ctx.Err()
}
