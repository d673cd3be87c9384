package facebook

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/relais/relais/connectors"
)

// ErrDuplicate is wrapped by the error of a post refused as a duplicate
// (Graph error 506).
var ErrDuplicate = errors.New("facebook: duplicate post")

// IsDuplicate reports whether err is the Graph API's duplicate refusal.
func IsDuplicate(err error) bool { return errors.Is(err, ErrDuplicate) }

// graphError is the Graph API error shape.
type graphError struct {
	Error struct {
		Message   string `json:"message"`
		Type      string `json:"type"`
		Code      int    `json:"code"`
		Subcode   int    `json:"error_subcode"`
		FBTraceID string `json:"fbtrace_id"`
	} `json:"error"`
}

// classify maps a Graph error by its code: 190 (token expired or revoked)
// and 10/200-299 (permission) are AuthExpired; 4, 17, 32, 613 rate limits;
// 506 duplicate; 368 (blocked for policy) and the rest Permanent; any 5xx
// after the POST OutcomeUnknown.
func classify(res *http.Response, body []byte) error {
	var ge graphError
	_ = json.Unmarshal(body, &ge)
	code := ge.Error.Code
	e := &connectors.Error{Platform: "facebook", Status: res.StatusCode, Message: ge.Error.Message,
		Err: fmt.Errorf("facebook: unable to create post: status=%d code=%d", res.StatusCode, code)}
	switch {
	case code == 190 || code == 10 || (code >= 200 && code <= 299):
		e.Class = connectors.AuthExpired
	case code == 4 || code == 17 || code == 32 || code == 613 || res.StatusCode == http.StatusTooManyRequests:
		e.Class, e.Until = connectors.RateLimited, resetTime(res.Header)
	case code == 506:
		e.Class, e.Err = connectors.OutcomeUnknown, fmt.Errorf("%w: %w", ErrDuplicate, e.Err)
	case res.StatusCode >= 500:
		e.Class = connectors.OutcomeUnknown
	default:
		e.Class = connectors.Permanent
	}
	return e
}

// resetTime reads estimated_time_to_regain_access (minutes) from the
// X-Business-Use-Case-Usage header; one hour without it.
func resetTime(h http.Header) time.Time {
	var usage map[string][]struct {
		Minutes int `json:"estimated_time_to_regain_access"`
	}
	wait := 0
	if json.Unmarshal([]byte(h.Get("X-Business-Use-Case-Usage")), &usage) == nil {
		for _, us := range usage {
			for _, u := range us {
				wait = max(wait, u.Minutes)
			}
		}
	}
	if wait == 0 {
		wait = 60
	}
	return time.Now().Add(time.Duration(wait) * time.Minute).UTC()
}
