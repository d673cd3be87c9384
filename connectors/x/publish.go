package x

import (
	"context"
	"net/http"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

type tweetRequest struct {
	Text  string      `json:"text"`
	Media *tweetMedia `json:"media,omitempty"`
	// QuoteTweetID makes the post a quote of that post
	// (https://docs.x.com/x-api/posts/create-post).
	QuoteTweetID string `json:"quote_tweet_id,omitempty"`
}

type tweetMedia struct {
	MediaIDs []string `json:"media_ids"`
}

type tweetResponse struct {
	Data struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	} `json:"data"`
}

// Publish implements connectors.Connector. It validates d first and sends
// nothing when it has problems (Permanent). key is not sent: X has no
// idempotency key. See the package comment for the error classes.
func (c *Client) Publish(ctx context.Context, a relais.Account, d connectors.Draft, key string) (connectors.Receipt, error) {
	if err := connectors.ProblemsError("x", c.Validate(d)); err != nil {
		return connectors.Receipt{}, err
	}
	hc, err := c.signedClient(ctx, a)
	if err != nil {
		return connectors.Receipt{}, err
	}
	req := tweetRequest{Text: d.Text}
	if d.Quote != nil {
		req.QuoteTweetID = d.Quote.ID
	}
	for _, m := range d.Media {
		id, err := c.upload(ctx, hc, a, m)
		if err != nil {
			return connectors.Receipt{}, err
		}
		if req.Media == nil {
			req.Media = &tweetMedia{}
		}
		req.Media.MediaIDs = append(req.Media.MediaIDs, id)
	}
	var out tweetResponse
	started := time.Now()
	if err := c.post(ctx, hc, c.base(a)+"/2/tweets", req, &out, "create post", true); err != nil {
		if connectors.ClassOf(err) == connectors.OutcomeUnknown {
			if rc, found, lerr := c.LookupDraft(ctx, a, d, key, started); lerr == nil && found {
				return rc, nil // the post was created: its answer was lost
			}
		}
		return connectors.Receipt{}, err
	}
	return connectors.Receipt{RemoteID: out.Data.ID, URL: postURL(a.Handle, out.Data.ID)}, nil
}

// Lookup implements connectors.Connector. X cannot find a post by an
// idempotency key, so it always returns found=false; LookupDraft finds a
// post by its text among the account's recent posts, which the scheduler
// and Publish use before a person is asked.
func (c *Client) Lookup(ctx context.Context, a relais.Account, key string) (connectors.Receipt, bool, error) {
	return connectors.Receipt{}, false, nil
}

// post sends v as JSON to u with the signed client hc and decodes the 2xx
// answer into out; created says the call publishes.
func (c *Client) post(ctx context.Context, hc *http.Client, u string, v, out any, op string, created bool) error {
	_, err := c.api.Do(ctx, httpc.Request{Method: http.MethodPost, URL: u, Op: op, Creates: created, JSON: v, Client: hc}, out)
	return err
}
