package x

import (
	"context"
	"net/http"

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
	ids, err := connectors.UploadEach(d.Media, func(m connectors.Media) (string, error) { return c.upload(ctx, hc, a, m) })
	if err != nil {
		return connectors.Receipt{}, err
	}
	if len(ids) > 0 {
		req.Media = &tweetMedia{MediaIDs: ids}
	}
	return connectors.CreateOrFind(ctx, c, a, d, key, func() (connectors.Receipt, error) {
		var out tweetResponse
		err := c.post(ctx, hc, c.base(a)+"/2/tweets", req, &out, "create post", true)
		return connectors.Receipt{RemoteID: out.Data.ID, URL: postURL(a.Handle, out.Data.ID)}, err
	}, lostAnswer)
}

// lostAnswer returns err when the post may have been created all the same
// (its answer was lost), nil otherwise.
func lostAnswer(err error) error {
	if connectors.ClassOf(err) == connectors.OutcomeUnknown {
		return err
	}
	return nil
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
