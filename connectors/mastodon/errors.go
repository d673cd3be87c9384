package mastodon

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/relais/relais/connectors"
)

// classify maps a non-2xx answer to a classified error carrying
// Mastodon's own `error` message.
func classify(op string, res *http.Response, body []byte) error {
	var ae struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	_ = json.Unmarshal(body, &ae)
	e := &connectors.Error{Platform: "mastodon", Status: res.StatusCode, Message: ae.Error,
		Err: fmt.Errorf("mastodon: unable to %s: status=%d", op, res.StatusCode)}
	switch s := res.StatusCode; {
	case s == http.StatusTooManyRequests:
		e.Class, e.Until = connectors.RateLimited, resetTime(res.Header)
	case s == http.StatusUnauthorized:
		e.Class = connectors.AuthExpired
	case s >= 500:
		e.Class = connectors.Retryable
	default: // 422 validation, 403, 404, 410...
		e.Class = connectors.Permanent
	}
	return e
}

// resetTime reads X-RateLimit-Reset (ISO 8601). Without it, it waits for
// the end of Mastodon's 5-minute window.
func resetTime(h http.Header) time.Time {
	if t, err := time.Parse(time.RFC3339Nano, h.Get("X-RateLimit-Reset")); err == nil {
		return t.UTC()
	}
	return time.Now().Add(5 * time.Minute).UTC()
}

// transportError classifies a failed round trip: always Retryable, since
// a retry carries the same Idempotency-Key.
func transportError(op string, err error) error {
	return &connectors.Error{Platform: "mastodon", Class: connectors.Retryable,
		Err: fmt.Errorf("mastodon: unable to %s: %w", op, err)}
}
