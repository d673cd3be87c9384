package bluesky

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
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

// apiError reads an XRPC error answer of the call op ("call <endpoint>").
func apiError(op string, ans httpc.Answer) *APIError {
	ae := &APIError{Endpoint: strings.TrimPrefix(op, "call "), Status: ans.Status}
	var eb struct {
		Error   string `json:"error"`
		Message string `json:"message"`
	}
	if json.Unmarshal(ans.Body, &eb) == nil {
		ae.Name, ae.Message = eb.Error, eb.Message
	}
	return ae
}

// rules are Bluesky's specifics on top of httpc's classification: the
// error is an *APIError, ratelimit-reset is in epoch seconds (five minutes
// without it), and a token error (400 ExpiredToken...) is AuthExpired,
// which the session code refreshes before this class matters.
var rules = httpc.Rules{
	RetryAt: func(ans httpc.Answer) time.Time {
		return httpc.ResetEpoch(ans.Header, "ratelimit-reset", 5*time.Minute)
	},
	Refine: func(op string, ans httpc.Answer, e *connectors.Error) {
		ae := apiError(op, ans)
		e.Message, e.Err = strings.TrimPrefix(ae.Name+": "+ae.Message, ": "), ae
		if isTokenError(ae.Name) && ans.Status != http.StatusTooManyRequests {
			e.Class = connectors.AuthExpired
		}
	},
}

func isTokenError(name string) bool {
	return name == "ExpiredToken" || name == "InvalidToken" || name == "AuthenticationRequired" || name == "AccountTakedown"
}
