package webhook

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais/connectors"
)

// classify maps a webhook answer: 429 waits (Discord's retry_after in
// seconds, else Retry-After); 401, 403, 404 and 410 mean the webhook was
// revoked or deleted (AuthExpired: reconnect); other 4xx are Permanent;
// 5xx may have been delivered (OutcomeUnknown).
func classify(res *http.Response, body []byte) error {
	var dj struct {
		Message    string  `json:"message"`
		RetryAfter float64 `json:"retry_after"`
	}
	msg := strings.TrimSpace(string(body))
	if json.Unmarshal(body, &dj) == nil && dj.Message != "" {
		msg = dj.Message
	}
	if len(msg) > 200 {
		msg = msg[:200]
	}
	e := &connectors.Error{Platform: "webhook", Status: res.StatusCode, Message: msg,
		Err: fmt.Errorf("webhook: unable to post message: status=%d", res.StatusCode)}
	switch s := res.StatusCode; {
	case s == http.StatusTooManyRequests:
		e.Class, e.Until = connectors.RateLimited, retryAt(res.Header, dj.RetryAfter)
	case s == 401 || s == 403 || s == 404 || s == 410:
		e.Class = connectors.AuthExpired
	case s >= 500:
		e.Class = connectors.OutcomeUnknown
	default:
		e.Class = connectors.Permanent
	}
	return e
}

func retryAt(h http.Header, retryAfter float64) time.Time {
	if retryAfter <= 0 {
		retryAfter, _ = strconv.ParseFloat(h.Get("Retry-After"), 64)
	}
	if retryAfter <= 0 {
		retryAfter = 60
	}
	return time.Now().Add(time.Duration(retryAfter * float64(time.Second))).UTC()
}
