package x

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

type tweetRequest struct {
	Text  string      `json:"text"`
	Media *tweetMedia `json:"media,omitempty"`
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

// post sends v as JSON to url and decodes the 2xx answer into out.
func (c *Client) post(ctx context.Context, hc *http.Client, url string, v, out any, op string, created bool) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("x: unable to encode request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("x: unable to build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := hc.Do(req)
	if err != nil {
		return transportError(op, err, created)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return transportError(op, err, created)
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return classify(op, res, b, created)
	}
	if err := json.Unmarshal(b, out); err != nil {
		return &connectors.Error{Platform: "x", Class: connectors.OutcomeUnknown, Status: res.StatusCode,
			Err: fmt.Errorf("x: unable to %s: bad answer %q: %w", op, strings.TrimSpace(string(b)), err)}
	}
	return nil
}
