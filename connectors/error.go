package connectors

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// Class is how the scheduler must treat a failed publication.
type Class int

// Error classes.
const (
	Retryable      Class = iota // transient: retry with backoff and jitter
	RateLimited                 // wait until Until, then retry
	Permanent                   // the platform refused the content: fail
	AuthExpired                 // the token is dead: reconnect, never retry
	OutcomeUnknown              // may have been published: reconcile, never blind-retry
)

var classNames = [...]string{"retryable", "rate_limited", "permanent", "auth_expired", "outcome_unknown"}

// String returns the class name.
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return fmt.Sprintf("class(%d)", int(c))
}

// Error is a classified connector error.
type Error struct {
	Class    Class
	Platform string
	Status   int       // HTTP status, if any
	Until    time.Time // for RateLimited
	Message  string    // the platform's own message
	Err      error     // underlying error, if any
}

// MaxMessageLen bounds each platform-supplied part of Error's text (the
// platform's message, the underlying error): a platform's answer is
// never echoed in full to the API, the logs or the database.
const MaxMessageLen = 300

// Error implements error.
func (e *Error) Error() string {
	s := fmt.Sprintf("%s: %s", e.Platform, e.Class)
	if e.Status != 0 {
		s += fmt.Sprintf(" status=%d", e.Status)
	}
	if e.Message != "" {
		s += ": " + Truncate(e.Message, MaxMessageLen)
	}
	if e.Err != nil {
		s += ": " + Truncate(e.Err.Error(), MaxMessageLen)
	}
	return s
}

// Truncate cuts s to at most n bytes on a UTF-8 boundary, marking the cut
// with "…".
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// ClassOf returns the class of err: the class of the first *Error in its
// chain, Retryable for any other error.
func ClassOf(err error) Class {
	var e *Error
	if errors.As(err, &e) {
		return e.Class
	}
	return Retryable
}

// UntilOf returns when a RateLimited error may be retried (zero otherwise).
func UntilOf(err error) time.Time {
	var e *Error
	if errors.As(err, &e) {
		return e.Until
	}
	return time.Time{}
}
