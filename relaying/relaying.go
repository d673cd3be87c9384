// Package relaying reads colistiers' recent public posts on their own
// accounts and reposts or quotes them from the campaign's account: the
// building blocks of the "to relay" list. Bluesky is read with
// com.atproto.repo.listRecords (app.bsky.feed.getAuthorFeed is served by
// the AppView, not by a PDS, and a self-hosted PDS serves only
// com.atproto.*); Mastodon with GET /api/v1/accounts/:id/statuses; X with
// GET /2/users/:id/tweets (connectors/x), within the day's X read cap.
package relaying

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/relais/relais/connectors/httpc"
)

// Item is a colistier's post that the campaign may relay.
type Item struct {
	URI       string    `json:"uri"` // at:// URI or Mastodon status URL
	ID        string    `json:"id"`  // the CID (Bluesky) or status id (Mastodon)
	Text      string    `json:"text"`
	CreatedAt time.Time `json:"created_at"`
}

// Client calls the platforms.
type Client struct {
	HTTP *http.Client // http.DefaultClient when nil
}

// Error is a platform's refusal: its status and answer.
type Error = httpc.StatusError

// call sends r through the platforms' shared client (connectors/httpc: no
// replay of a request with a body, user agent, bounded answers) and
// decodes the answer into out; a status of 300 or more is an *Error.
func (c *Client) call(ctx context.Context, r httpc.Request, out any) error {
	_, err := httpc.New(c.HTTP, httpc.Config{Platform: "relaying"}).Fetch(ctx, r, out)
	return err
}

// BlueskyRecent lists did's latest posts (newest first, at most limit)
// with com.atproto.repo.listRecords on its PDS; replies are left out.
func (c *Client) BlueskyRecent(ctx context.Context, pds, did string, limit int) ([]Item, error) {
	q := url.Values{"repo": {did}, "collection": {"app.bsky.feed.post"}, "limit": {strconv.Itoa(min(max(limit, 1), 100))}}
	var out struct {
		Records []struct {
			URI   string `json:"uri"`
			CID   string `json:"cid"`
			Value struct {
				Text      string          `json:"text"`
				CreatedAt time.Time       `json:"createdAt"`
				Reply     json.RawMessage `json:"reply"`
			} `json:"value"`
		} `json:"records"`
	}
	if err := c.call(ctx, httpc.Request{URL: pds + "/xrpc/com.atproto.repo.listRecords?" + q.Encode(), Op: "list posts"}, &out); err != nil {
		return nil, err
	}
	var items []Item
	for _, r := range out.Records {
		if len(r.Value.Reply) == 0 {
			items = append(items, Item{URI: r.URI, ID: r.CID, Text: r.Value.Text, CreatedAt: r.Value.CreatedAt})
		}
	}
	return items, nil
}

// BlueskyRepost reposts it from the account of repo (its DID) with an
// app.bsky.feed.repost record and returns the record's URI.
func (c *Client) BlueskyRepost(ctx context.Context, pds, accessJwt, repo string, it Item) (string, error) {
	rec := map[string]any{"$type": "app.bsky.feed.repost", "subject": map[string]string{"uri": it.URI, "cid": it.ID},
		"createdAt": time.Now().UTC().Format(time.RFC3339)}
	return c.createRecord(ctx, pds, accessJwt, repo, "app.bsky.feed.repost", rec)
}

func (c *Client) createRecord(ctx context.Context, pds, token, repo, collection string, rec any) (string, error) {
	var out struct {
		URI string `json:"uri"`
	}
	return out.URI, c.call(ctx, httpc.Request{Method: http.MethodPost, URL: pds + "/xrpc/com.atproto.repo.createRecord", Op: "create record",
		Creates: true, Token: token, JSON: map[string]any{"repo": repo, "collection": collection, "record": rec}}, &out)
}

// postJSON sends in to u (a session or a repost: never replayed).
func (c *Client) postJSON(ctx context.Context, u string, in, out any) error {
	return c.call(ctx, httpc.Request{Method: http.MethodPost, URL: u, Op: "post", Creates: true, JSON: in}, out)
}
