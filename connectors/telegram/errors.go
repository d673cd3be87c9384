package telegram

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/relais/relais/connectors"
)

// answer is the Bot API envelope.
type answer struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// do sends req and decodes the result of an ok answer into out.
func (c *Client) do(req *http.Request, out any) error {
	res, err := c.http.Do(req)
	if err != nil {
		return connectors.TransportError("telegram", "send message", err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return connectors.TransportError("telegram", "send message", err)
	}
	var an answer
	if json.Unmarshal(b, &an) != nil || !an.OK {
		return classify(res.StatusCode, an)
	}
	if err := json.Unmarshal(an.Result, out); err != nil {
		return &connectors.Error{Platform: "telegram", Class: connectors.OutcomeUnknown, Status: res.StatusCode,
			Err: fmt.Errorf("telegram: unable to send message: bad result: %w", err)}
	}
	return nil
}

// classify maps an error answer: 429 waits retry_after seconds, 401 (token
// revoked) is AuthExpired, 403 (bot removed from the chat or not allowed
// to post) and 400 are Permanent, 5xx may have been delivered.
func classify(status int, an answer) error {
	e := &connectors.Error{Platform: "telegram", Status: status, Message: an.Description,
		Err: fmt.Errorf("telegram: unable to send message: status=%d", status)}
	switch {
	case status == http.StatusTooManyRequests:
		e.Class, e.Until = connectors.RateLimited, time.Now().Add(time.Duration(max(an.Parameters.RetryAfter, 1))*time.Second).UTC()
	case status == http.StatusUnauthorized:
		e.Class = connectors.AuthExpired
	case status >= 500:
		e.Class = connectors.OutcomeUnknown
	default:
		e.Class = connectors.Permanent
	}
	return e
}
