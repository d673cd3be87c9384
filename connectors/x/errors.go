package x

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// ErrDuplicate is wrapped by the error Publish returns when X refuses a post
// as duplicate content (403). If an earlier attempt with the same key ended
// unclear, this means that attempt went through; otherwise the same text was
// already posted. Either way Publish classifies it OutcomeUnknown.
var ErrDuplicate = errors.New("x: duplicate content")

// IsDuplicate reports whether err is X's duplicate-content refusal.
func IsDuplicate(err error) bool { return errors.Is(err, ErrDuplicate) }

// apiError is X's v2 problem shape.
type apiError struct {
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

// message is the problem's detail (else its title) and each error's text.
func message(body []byte) string {
	var e apiError
	_ = json.Unmarshal(body, &e)
	parts := []string{}
	if e.Detail != "" {
		parts = append(parts, e.Detail)
	} else if e.Title != "" {
		parts = append(parts, e.Title)
	}
	for _, m := range e.Errors {
		parts = append(parts, m.Message)
	}
	return strings.Join(parts, "; ")
}

// rules are X's specifics on top of httpc's classification (429 rate
// limited, 401 auth expired, 5xx after a create OutcomeUnknown): X sends
// x-rate-limit-reset (epoch seconds) and no Retry-After, with a 15-minute
// window, and refuses a duplicate post with 403 "duplicate content".
var rules = httpc.Rules{
	Message: message,
	RetryAt: func(ans httpc.Answer) time.Time {
		return httpc.ResetEpoch(ans.Header, "x-rate-limit-reset", 15*time.Minute)
	},
	Refine: func(_ string, ans httpc.Answer, e *connectors.Error) {
		if ans.Status == http.StatusForbidden && strings.Contains(strings.ToLower(string(ans.Body)), "duplicate content") {
			httpc.Duplicate(e, ErrDuplicate)
		}
	},
}
