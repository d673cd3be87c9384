package facebook

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// ErrDuplicate is wrapped by the error of a post refused as a duplicate
// (Graph error 506).
var ErrDuplicate = errors.New("facebook: duplicate post")

// IsDuplicate reports whether err is the Graph API's duplicate refusal.
func IsDuplicate(err error) bool { return errors.Is(err, ErrDuplicate) }

// graphError is the Graph API error shape.
type graphError struct {
	Error struct {
		Message string `json:"message"`
		Code    int    `json:"code"`
	} `json:"error"`
}

// rules are the Graph API's specifics on top of httpc's classification
// (429 rate limited, 5xx after the POST OutcomeUnknown, the rest
// Permanent): by error code, 190 (token expired or revoked) and 10,
// 200-299 (permission) are AuthExpired; 4, 17, 32, 613 rate limits; 506
// a duplicate; 368 (blocked for policy) stays Permanent.
var rules = httpc.Rules{RetryAt: resetTime, Refine: refine}

func refine(op string, ans httpc.Answer, e *connectors.Error) {
	var ge graphError
	_ = json.Unmarshal(ans.Body, &ge)
	code := ge.Error.Code
	e.Message = ge.Error.Message
	e.Err = fmt.Errorf("facebook: unable to %s: status=%d code=%d", op, ans.Status, code)
	switch {
	case code == 190 || code == 10 || (code >= 200 && code <= 299):
		e.Class = connectors.AuthExpired
	case code == 4 || code == 17 || code == 32 || code == 613:
		e.Class, e.Until = connectors.RateLimited, resetTime(ans)
	case code == 506:
		httpc.Duplicate(e, ErrDuplicate)
	}
}

// resetTime reads estimated_time_to_regain_access (minutes) from the
// X-Business-Use-Case-Usage header; one hour without it.
func resetTime(ans httpc.Answer) time.Time {
	var usage map[string][]struct {
		Minutes int `json:"estimated_time_to_regain_access"`
	}
	wait := 0
	if json.Unmarshal([]byte(ans.Header.Get("X-Business-Use-Case-Usage")), &usage) == nil {
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
