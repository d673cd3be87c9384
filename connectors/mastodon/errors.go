package mastodon

import (
	"encoding/json"
	"time"

	"github.com/relais/relais/connectors/httpc"
)

// rules are Mastodon's specifics on top of httpc's classification (429
// rate limited, 401 auth expired, 5xx retryable since a retry carries the
// same Idempotency-Key, 422 validation and the rest permanent): the
// message is the answer's `error`, and X-RateLimit-Reset is an ISO 8601
// time (the end of the 5-minute window without it).
var rules = httpc.Rules{
	Message: func(body []byte) string {
		var ae struct {
			Error string `json:"error"`
		}
		_ = json.Unmarshal(body, &ae)
		return ae.Error
	},
	RetryAt: func(ans httpc.Answer) time.Time {
		if t, err := time.Parse(time.RFC3339Nano, ans.Header.Get("X-RateLimit-Reset")); err == nil {
			return t.UTC()
		}
		return time.Now().Add(5 * time.Minute).UTC()
	},
}
