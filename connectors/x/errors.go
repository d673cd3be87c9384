package x

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais/connectors"
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

func (e apiError) message() string {
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

// classify maps a non-2xx answer to a classified error. created says the
// request created a post: then a 5xx leaves the outcome unknown.
func classify(op string, res *http.Response, body []byte, created bool) error {
	var ae apiError
	_ = json.Unmarshal(body, &ae)
	e := &connectors.Error{Platform: "x", Status: res.StatusCode, Message: ae.message(),
		Err: fmt.Errorf("x: unable to %s: status=%d", op, res.StatusCode)}
	switch s := res.StatusCode; {
	case s == http.StatusTooManyRequests:
		e.Class, e.Until = connectors.RateLimited, resetTime(res.Header)
	case s == http.StatusUnauthorized:
		e.Class = connectors.AuthExpired
	case s == http.StatusForbidden && strings.Contains(strings.ToLower(string(body)), "duplicate content"):
		e.Class, e.Err = connectors.OutcomeUnknown, fmt.Errorf("%w: %w", ErrDuplicate, e.Err)
	case s >= 500 && created:
		e.Class = connectors.OutcomeUnknown
	case s >= 500:
		e.Class = connectors.Retryable
	default:
		e.Class = connectors.Permanent
	}
	return e
}

// resetTime reads x-rate-limit-reset (epoch seconds); X sends no
// Retry-After. Without the header it assumes the 15-minute window.
func resetTime(h http.Header) time.Time {
	if n, err := strconv.ParseInt(h.Get("x-rate-limit-reset"), 10, 64); err == nil && n > 0 {
		return time.Unix(n, 0).UTC()
	}
	return time.Now().Add(15 * time.Minute).UTC()
}

// transportError classifies a failed round trip. A request that never left
// (dial failure) is retryable; any other failure of a create request may
// have reached X and is OutcomeUnknown.
func transportError(op string, err error, created bool) error {
	e := &connectors.Error{Platform: "x", Class: connectors.Retryable, Err: fmt.Errorf("x: unable to %s: %w", op, err)}
	var oe *net.OpError
	if created && !(errors.As(err, &oe) && oe.Op == "dial") {
		e.Class = connectors.OutcomeUnknown
	}
	return e
}
