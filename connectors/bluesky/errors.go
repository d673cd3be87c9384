package bluesky

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais/connectors"
)

// APIError is an XRPC error answer: {"error": Name, "message": Message}.
type APIError struct {
	Endpoint string
	Status   int
	Name     string
	Message  string
}

// Error implements error.
func (e *APIError) Error() string {
	return fmt.Sprintf("bluesky: unable to call %s: status=%d error=%s message=%q", e.Endpoint, e.Status, e.Name, e.Message)
}

// errName returns the XRPC error name in err's chain, if any.
func errName(err error) string {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.Name
	}
	return ""
}

// classify maps an XRPC error answer to a classified error. Bluesky
// answers an expired access token with 400 ExpiredToken; the session code
// refreshes it before this class matters.
func classify(endpoint string, res *http.Response, body []byte) error {
	ae := &APIError{Endpoint: endpoint, Status: res.StatusCode}
	var eb struct {
		Error   string `json:"error"`
		Message string `json:"message"`
	}
	if json.Unmarshal(body, &eb) == nil {
		ae.Name, ae.Message = eb.Error, eb.Message
	}
	e := &connectors.Error{Platform: "bluesky", Status: res.StatusCode, Message: strings.TrimPrefix(ae.Name+": "+ae.Message, ": "), Err: ae}
	switch s := res.StatusCode; {
	case s == http.StatusTooManyRequests:
		e.Class, e.Until = connectors.RateLimited, resetTime(res.Header)
	case s == http.StatusUnauthorized || isTokenError(ae.Name):
		e.Class = connectors.AuthExpired
	case s >= 500:
		e.Class = connectors.Retryable
	default:
		e.Class = connectors.Permanent
	}
	return e
}

func isTokenError(name string) bool {
	return name == "ExpiredToken" || name == "InvalidToken" || name == "AuthenticationRequired" || name == "AccountTakedown"
}

// resetTime reads ratelimit-reset (epoch seconds); default five minutes.
func resetTime(h http.Header) time.Time {
	if n, err := strconv.ParseInt(h.Get("ratelimit-reset"), 10, 64); err == nil && n > 0 {
		return time.Unix(n, 0).UTC()
	}
	return time.Now().Add(5 * time.Minute).UTC()
}

// transportError classifies a failed round trip: Retryable, because the
// record key is fixed and a retry cannot create a second post.
func transportError(endpoint string, err error) error {
	return &connectors.Error{Platform: "bluesky", Class: connectors.Retryable,
		Err: fmt.Errorf("bluesky: unable to call %s: %w", endpoint, err)}
}
