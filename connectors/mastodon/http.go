package mastodon

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/relais/relais/connectors"
)

// do sends req with the bearer token and decodes a 2xx JSON answer into
// out. It returns the status code of the answer.
func (c *Client) do(req *http.Request, tok, op string, out any) (int, error) {
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	req.Header.Set("Accept", "application/json")
	res, err := c.http.Do(req)
	if err != nil {
		return 0, transportError(op, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 4<<20))
	if err != nil {
		return 0, transportError(op, err)
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return res.StatusCode, classify(op, res, b)
	}
	if err := json.Unmarshal(b, out); err != nil {
		return res.StatusCode, &connectors.Error{Platform: "mastodon", Class: connectors.Retryable, Status: res.StatusCode,
			Err: fmt.Errorf("mastodon: unable to %s: bad answer: %w", op, err)}
	}
	return res.StatusCode, nil
}

// get fetches url into out.
func (c *Client) get(ctx context.Context, url, tok, op string, out any) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, fmt.Errorf("mastodon: unable to build request: %w", err)
	}
	return c.do(req, tok, op, out)
}
