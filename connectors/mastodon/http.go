package mastodon

import (
	"context"
	"net/http"

	"github.com/relais/relais/connectors/httpc"
)

// call sends r, asking for JSON, and decodes a 2xx answer into out. It
// returns the status code of the answer.
func (c *Client) call(ctx context.Context, r httpc.Request, out any) (int, error) {
	if r.Header == nil {
		r.Header = http.Header{}
	}
	r.Header.Set("Accept", "application/json")
	ans, err := c.api.Do(ctx, r, out)
	return ans.Status, err
}

// get fetches url with the bearer token tok into out.
func (c *Client) get(ctx context.Context, url, tok, op string, out any) (int, error) {
	return c.call(ctx, httpc.Request{URL: url, Op: op, Token: tok}, out)
}
