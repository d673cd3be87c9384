package webhook

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// discordError is Discord's error body; Slack and Mattermost answer text.
type discordError struct {
	Message    string  `json:"message"`
	RetryAfter float64 `json:"retry_after"` // seconds
}

// rules are the webhooks' specifics on top of httpc's classification (429
// rate limited, 5xx may have been delivered, other 4xx permanent): the
// message is Discord's or the answer's text, a 429 waits Discord's
// retry_after, else Retry-After, else a minute, and 403, 404 and 410, like
// 401, mean the webhook was revoked or deleted (AuthExpired: reconnect).
var rules = httpc.Rules{
	Message: func(body []byte) string {
		var de discordError
		if json.Unmarshal(body, &de) == nil && de.Message != "" {
			return connectors.Truncate(de.Message, 200)
		}
		return connectors.Truncate(strings.TrimSpace(string(body)), 200)
	},
	RetryAt: func(ans httpc.Answer) time.Time {
		var de discordError
		if json.Unmarshal(ans.Body, &de) == nil && de.RetryAfter > 0 {
			return time.Now().Add(time.Duration(de.RetryAfter * float64(time.Second))).UTC()
		}
		return httpc.RetryAfter(ans.Header, time.Minute)
	},
	Refine: func(_ string, ans httpc.Answer, e *connectors.Error) {
		if s := ans.Status; s == 403 || s == 404 || s == 410 {
			e.Class = connectors.AuthExpired
		}
	},
}
