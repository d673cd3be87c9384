package relaying

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/relais/relais/connectors/httpc"
)

// MastodonRecent lists account id's latest public statuses without
// replies or boosts (GET /api/v1/accounts/:id/statuses).
// https://docs.joinmastodon.org/methods/accounts/#statuses
func (c *Client) MastodonRecent(ctx context.Context, base, token, accountID string, limit int) ([]Item, error) {
	q := url.Values{"exclude_replies": {"true"}, "exclude_reblogs": {"true"}, "limit": {strconv.Itoa(min(max(limit, 1), 40))}}
	var out []struct {
		ID         string    `json:"id"`
		URL        string    `json:"url"`
		Content    string    `json:"content"`
		CreatedAt  time.Time `json:"created_at"`
		Visibility string    `json:"visibility"`
	}
	u := base + "/api/v1/accounts/" + url.PathEscape(accountID) + "/statuses?" + q.Encode()
	if err := c.call(ctx, httpc.Request{URL: u, Op: "list statuses", Token: token}, &out); err != nil {
		return nil, err
	}
	var items []Item
	for _, s := range out {
		if s.Visibility == "public" {
			items = append(items, Item{URI: s.URL, ID: s.ID, Text: s.Content, CreatedAt: s.CreatedAt})
		}
	}
	return items, nil
}

// MastodonReblog boosts status id from the campaign's account
// (POST /api/v1/statuses/:id/reblog) and returns the boost's id.
// https://docs.joinmastodon.org/methods/statuses/#boost
func (c *Client) MastodonReblog(ctx context.Context, base, token, id string) (string, error) {
	var out struct {
		ID string `json:"id"`
	}
	return out.ID, c.call(ctx, httpc.Request{Method: http.MethodPost, URL: base + "/api/v1/statuses/" + url.PathEscape(id) + "/reblog",
		Op: "boost status", Creates: true, Token: token}, &out)
}

// MastodonResolve finds the status at statusURL (another instance's) on
// the instance at base, fetching it there if needed, and returns its id
// on that instance: GET /api/v2/search?q=URL&resolve=true&type=statuses.
// https://docs.joinmastodon.org/methods/search/#v2
func (c *Client) MastodonResolve(ctx context.Context, base, token, statusURL string) (string, error) {
	q := url.Values{"q": {statusURL}, "resolve": {"true"}, "type": {"statuses"}, "limit": {"1"}}
	var out struct {
		Statuses []struct {
			ID string `json:"id"`
		} `json:"statuses"`
	}
	if err := c.call(ctx, httpc.Request{URL: base + "/api/v2/search?" + q.Encode(), Op: "resolve status", Token: token}, &out); err != nil {
		return "", err
	} else if len(out.Statuses) == 0 || out.Statuses[0].ID == "" {
		return "", fmt.Errorf("the campaign's instance cannot find %s", statusURL)
	}
	return out.Statuses[0].ID, nil
}
