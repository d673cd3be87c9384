package mastodon

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/relais/relais/connectors"
)

// QuoteAPIVersion is the Mastodon API version from which POST
// /api/v1/statuses takes quoted_status_id (Mastodon 4.5): "The new APIs
// described below are available starting with Mastodon API version 7"
// (https://docs.joinmastodon.org/client/quotes). An instance announces
// its version in GET /api/v2/instance's api_versions.mastodon
// (https://docs.joinmastodon.org/entities/Instance/#api_versions).
const QuoteAPIVersion = 7

// quotedStatusID returns the id, on the instance at base, of the status q
// quotes, when that instance writes quotes: q's own id if the status is
// one of base's (its URL is on base's host), else the id found by
// resolving its URL there (GET /api/v2/search?resolve=true, scope
// read:search: https://docs.joinmastodon.org/methods/search/#v2). ""
// when the instance predates quotes or cannot find the status: the text's
// link then stands for the quote, as on every version.
func (c *Client) quotedStatusID(ctx context.Context, in Instance, base, tok string, q *connectors.Quote) string {
	if q == nil || in.APIVersion < QuoteAPIVersion || q.URI == "" {
		return ""
	}
	if sameHost(q.URI, base) && q.ID != "" {
		return q.ID
	}
	v := url.Values{"q": {q.URI}, "resolve": {"true"}, "type": {"statuses"}, "limit": {"1"}}
	var out struct {
		Statuses []struct {
			ID string `json:"id"`
		} `json:"statuses"`
	}
	if _, err := c.get(ctx, base+"/api/v2/search?"+v.Encode(), tok, "resolve quoted status", &out); err != nil || len(out.Statuses) == 0 {
		return ""
	}
	return out.Statuses[0].ID
}

// sameHost reports whether two URLs have one host.
func sameHost(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && ua.Host != "" && strings.EqualFold(ua.Host, ub.Host)
}

// createQuoting creates the status with quoted_status_id when there is
// one. Mastodon refuses a quote its author may not make ("This will raise
// an error if the current user does not have access to this status, or if
// Mastodon knows for sure the policy disallows it",
// https://docs.joinmastodon.org/client/quotes) with 422 and creates
// nothing: the status is then sent once more without the quote, its text
// linking to the post as on servers without quotes.
func (c *Client) createQuoting(ctx context.Context, base, tok, key string, sr statusRequest) (connectors.Receipt, error) {
	st, err := c.createStatus(ctx, base, tok, key, sr)
	var ce *connectors.Error
	if sr.QuotedStatusID != "" && errors.As(err, &ce) && ce.Status == http.StatusUnprocessableEntity {
		sr.QuotedStatusID = ""
		return c.createStatus(ctx, base, tok, key, sr)
	}
	return st, err
}
