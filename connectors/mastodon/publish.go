package mastodon

import (
	"context"
	"net/http"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

type statusRequest struct {
	Status         string   `json:"status"`
	Language       string   `json:"language,omitempty"`
	Visibility     string   `json:"visibility"`
	MediaIDs       []string `json:"media_ids,omitempty"`
	QuotedStatusID string   `json:"quoted_status_id,omitempty"` // Mastodon 4.5 (API version 7), see quote.go
}

type status struct {
	ID  string `json:"id"`
	URL string `json:"url"`
	URI string `json:"uri"`
}

// Publish implements connectors.Connector. It checks d against the
// instance's limits first and sends nothing when it has problems
// (Permanent). key goes in the Idempotency-Key header, so retrying a
// Publish that timed out returns the status the first attempt created.
func (c *Client) Publish(ctx context.Context, a relais.Account, d connectors.Draft, key string) (connectors.Receipt, error) {
	probs, err := c.ValidateFor(ctx, a, d)
	if err != nil {
		return connectors.Receipt{}, err
	} else if err := connectors.ProblemsError("mastodon", probs); err != nil {
		return connectors.Receipt{}, err
	}
	tok, err := token(a)
	if err != nil {
		return connectors.Receipt{}, err
	}
	base, _ := c.base(a)
	req := statusRequest{Status: d.Text, Language: d.Language, Visibility: c.visibility}
	if req.MediaIDs, err = connectors.UploadEach(d.Media, func(m connectors.Media) (string, error) {
		return c.upload(ctx, base, tok, m)
	}); err != nil {
		return connectors.Receipt{}, err
	}
	if in, err := c.Instance(ctx, a); err == nil {
		req.QuotedStatusID = c.quotedStatusID(ctx, in, base, tok, d.Quote)
	}
	return connectors.CreateOrFind(ctx, c, a, d, key, func() (connectors.Receipt, error) {
		return c.createQuoting(ctx, base, tok, key, req)
	}, func(err error) error { return c.unclear(ctx, a, err) })
}

// unclear says what a failed createStatus may hide. On a server that is
// not Mastodon (which ignores Idempotency-Key), a lost answer or a server
// error may hide a status: Publish looks for it among the account's recent
// statuses and otherwise reports OutcomeUnknown, so that nobody posts it a
// second time. Elsewhere nil: nothing was posted, or a retry is safe.
func (c *Client) unclear(ctx context.Context, a relais.Account, err error) error {
	if connectors.ClassOf(err) != connectors.Retryable || c.HonoursKeyFor(ctx, a) {
		return nil
	}
	return &connectors.Error{Platform: "mastodon", Class: connectors.OutcomeUnknown,
		Message: "the server ignores Idempotency-Key and its answer was lost: check the account", Err: err}
}

// createStatus posts the status and returns its receipt (its URL, else its URI).
func (c *Client) createStatus(ctx context.Context, base, tok, key string, sr statusRequest) (connectors.Receipt, error) {
	var st status
	_, err := c.call(ctx, httpc.Request{Method: http.MethodPost, URL: base + "/api/v1/statuses", Op: "create status", Creates: true,
		Token: tok, JSON: sr, Header: http.Header{"Idempotency-Key": {key}}}, &st)
	if err != nil {
		return connectors.Receipt{}, err
	}
	url := st.URL
	if url == "" {
		url = st.URI
	}
	return connectors.Receipt{RemoteID: st.ID, URL: url}, nil
}

// Lookup implements connectors.Connector. Mastodon cannot find a status by
// idempotency key, so it returns found=false; within IdempotencyWindow the
// reconciliation is to call Publish again with the same key.
func (c *Client) Lookup(ctx context.Context, a relais.Account, key string) (connectors.Receipt, bool, error) {
	return connectors.Receipt{}, false, nil
}

// HonoursIdempotencyKey implements connectors.Idempotent: Mastodon returns
// the first status for a repeated Idempotency-Key (for IdempotencyWindow).
// Other servers speaking its API may not: the scheduler asks HonoursKeyFor
// about each account.
func (c *Client) HonoursIdempotencyKey() bool { return true }

// IdempotencyWindow implements connectors.Windowed.
func (c *Client) IdempotencyWindow() time.Duration { return IdempotencyWindow }
