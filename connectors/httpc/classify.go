package httpc

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/relais/relais/connectors"
)

// Rules are a platform's specifics in reading its error answers. Every
// field is optional.
type Rules struct {
	// Message extracts the platform's own message from an error body.
	Message func(body []byte) string
	// RetryAt says when a rate-limited call may be tried again;
	// RetryAfter(header, a minute) when nil.
	RetryAt func(ans Answer) time.Time
	// Refine adjusts the default classification of an answer (a
	// platform's own codes for auth, rate limits or duplicates).
	Refine func(op string, ans Answer, e *connectors.Error)
}

// unsafe reports whether a failed call may have published something that
// a retry would publish again.
func (c *Client) unsafe(creates bool) bool { return creates && !c.cfg.KeyedRetry }

// Classify maps a non-2xx answer to a classified error: 429 RateLimited
// until Rules.RetryAt, 401 AuthExpired, 5xx Retryable (OutcomeUnknown
// after a publishing request that KeyedRetry does not protect), anything
// else Permanent; then Rules.Refine has its say.
func (c *Client) Classify(op string, creates bool, ans Answer) *connectors.Error {
	e := &connectors.Error{Platform: c.cfg.Platform, Status: ans.Status, Class: connectors.Permanent,
		Err: fmt.Errorf("%s: unable to %s: status=%d", c.cfg.Platform, op, ans.Status)}
	if c.cfg.Rules.Message != nil {
		e.Message = c.cfg.Rules.Message(ans.Body)
	}
	switch s := ans.Status; {
	case s == http.StatusTooManyRequests:
		e.Class, e.Until = connectors.RateLimited, c.retryAt(ans)
	case s == http.StatusUnauthorized:
		e.Class = connectors.AuthExpired
	case s >= 500 && c.unsafe(creates):
		e.Class = connectors.OutcomeUnknown
	case s >= 500:
		e.Class = connectors.Retryable
	}
	if c.cfg.Rules.Refine != nil {
		c.cfg.Rules.Refine(op, ans, e)
	}
	return e
}

// retryAt returns when a rate-limited call may be tried again, by
// Rules.RetryAt or the Retry-After header (a minute without it).
func (c *Client) retryAt(ans Answer) time.Time {
	if c.cfg.Rules.RetryAt != nil {
		return c.cfg.Rules.RetryAt(ans)
	}
	return RetryAfter(ans.Header, time.Minute)
}

// TransportError classifies a call that got no answer. A failed dial
// never reached the platform (Retryable); any later failure of a
// publishing request may have published (OutcomeUnknown) unless
// KeyedRetry. The request URL is dropped from the error: it may hold a
// secret (webhook URLs, bot tokens).
func (c *Client) TransportError(op string, creates bool, err error) *connectors.Error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	e := &connectors.Error{Platform: c.cfg.Platform, Class: connectors.Retryable,
		Err: fmt.Errorf("%s: unable to %s: %w", c.cfg.Platform, op, err)}
	var oe *net.OpError
	if c.unsafe(creates) && !(errors.As(err, &oe) && oe.Op == "dial") {
		e.Class = connectors.OutcomeUnknown
	}
	return e
}

// BadAnswer classifies a 2xx answer that is not what the platform
// documents: after a publishing request that KeyedRetry does not protect
// the post may exist (OutcomeUnknown), otherwise Retryable.
func (c *Client) BadAnswer(op string, creates bool, status int, err error) *connectors.Error {
	e := &connectors.Error{Platform: c.cfg.Platform, Class: connectors.Retryable, Status: status,
		Err: fmt.Errorf("%s: unable to %s: bad answer: %w", c.cfg.Platform, op, err)}
	if c.unsafe(creates) {
		e.Class = connectors.OutcomeUnknown
	}
	return e
}

// Duplicate marks e as the platform's refusal of a duplicate post: after
// an unclear attempt it means that attempt went through, so the outcome is
// unknown, never a reason to post again. dup is wrapped for errors.Is.
func Duplicate(e *connectors.Error, dup error) {
	e.Class, e.Err = connectors.OutcomeUnknown, fmt.Errorf("%w: %w", dup, e.Err)
}
