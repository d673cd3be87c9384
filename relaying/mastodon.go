package relaying

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

// MastodonRecent lists account id's latest public statuses without
// replies or boosts (GET /api/v1/accounts/:id/statuses).
// https://docs.joinmastodon.org/methods/accounts/#statuses
func (c *Client) MastodonRecent(ctx context.Context, base, token, accountID string, limit int) ([]Item, error) {
	q := url.Values{"exclude_replies": {"true"}, "exclude_reblogs": {"true"}, "limit": {strconv.Itoa(min(max(limit, 1), 40))}}
	req, err := http.NewRequestWithContext(ctx, "GET", base+"/api/v1/accounts/"+url.PathEscape(accountID)+"/statuses?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	var out []struct {
		ID         string    `json:"id"`
		URL        string    `json:"url"`
		Content    string    `json:"content"`
		CreatedAt  time.Time `json:"created_at"`
		Visibility string    `json:"visibility"`
	}
	if err := c.do(req, &out); err != nil {
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
	req, err := http.NewRequestWithContext(ctx, "POST", base+"/api/v1/statuses/"+url.PathEscape(id)+"/reblog", nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	var out struct {
		ID string `json:"id"`
	}
	return out.ID, c.do(req, &out)
}
