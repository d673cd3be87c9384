package httpc

import (
	"context"
	"encoding/json"
	"fmt"
)

// StatusError is a platform's refusal as the packages that do not
// classify errors see it (connectors/videoup, relaying): the status and
// the answer's text.
type StatusError struct {
	Platform string // the calling package: "videoup", "relaying"
	Status   int
	Body     string
}

// Error implements error.
func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: platform answered %d: %.300s", e.Platform, e.Status, e.Body)
}

// Fetch sends r like Do, for packages with errors of their own: a status
// of 300 or more is a *StatusError, a failure without an answer is
// TransportError's, and a 2xx body that is not JSON a plain error. An
// empty body leaves out untouched. It returns the status.
func (c *Client) Fetch(ctx context.Context, r Request, out any) (int, error) {
	req, err := c.Build(ctx, r)
	if err != nil {
		return 0, err
	}
	ans, err := c.Send(req, nil)
	if err != nil {
		return 0, c.TransportError(r.Op, r.Creates, err)
	} else if ans.Status >= 300 {
		return ans.Status, &StatusError{Platform: c.cfg.Platform, Status: ans.Status, Body: string(ans.Body)}
	}
	if out != nil && len(ans.Body) > 0 {
		if err := json.Unmarshal(ans.Body, out); err != nil {
			return ans.Status, fmt.Errorf("%s: malformed answer: %w", c.cfg.Platform, err)
		}
	}
	return ans.Status, nil
}
