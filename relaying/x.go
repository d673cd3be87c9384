package relaying

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/relais/relais/connectors/httpc"
)

// XReadCap is how many posts one read of a colistier's timeline may
// return: X bills reads per post under pay-per-use, so relais reads few.
const XReadCap = 10

// XRecent lists user id's latest posts without replies or reposts
// (GET /2/users/:id/tweets, at most XReadCap). hc must sign requests for
// the campaign's account (OAuth 1.0a).
// https://docs.x.com/x-api/posts/user-posts-timeline-by-user-id
func (c *Client) XRecent(ctx context.Context, base, userID string, limit int) ([]Item, error) {
	q := url.Values{"exclude": {"replies,retweets"}, "max_results": {strconv.Itoa(min(max(limit, 5), XReadCap))},
		"tweet.fields": {"created_at"}}
	var out struct {
		Data []struct {
			ID        string    `json:"id"`
			Text      string    `json:"text"`
			CreatedAt time.Time `json:"created_at"`
		} `json:"data"`
	}
	u := base + "/2/users/" + url.PathEscape(userID) + "/tweets?" + q.Encode()
	if err := c.call(ctx, httpc.Request{URL: u, Op: "list posts"}, &out); err != nil {
		return nil, err
	}
	items := make([]Item, 0, len(out.Data))
	for _, p := range out.Data {
		items = append(items, Item{URI: "https://x.com/i/status/" + p.ID, ID: p.ID, Text: p.Text, CreatedAt: p.CreatedAt})
	}
	return items, nil
}

// XRepost reposts post id from the campaign's account (its user id) with
// POST /2/users/:id/retweets.
// https://docs.x.com/x-api/posts/retweet-post
func (c *Client) XRepost(ctx context.Context, base, campaignUserID, id string) error {
	var out struct {
		Data struct {
			Retweeted bool `json:"retweeted"`
		} `json:"data"`
	}
	err := c.postJSON(ctx, base+"/2/users/"+url.PathEscape(campaignUserID)+"/retweets", map[string]string{"tweet_id": id}, &out)
	if err == nil && !out.Data.Retweeted {
		return &Error{Platform: "relaying", Status: 200, Body: "X did not repost"}
	}
	return err
}

// XQuote posts text quoting post id (POST /2/tweets with quote_tweet_id)
// and returns the new post's id; quotes go through approval first.
// https://docs.x.com/x-api/posts/create-post
func (c *Client) XQuote(ctx context.Context, base, text, id string) (string, error) {
	var out struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	err := c.postJSON(ctx, base+"/2/tweets", map[string]string{"text": text, "quote_tweet_id": id}, &out)
	return out.Data.ID, err
}

// postJSON publishes in to u (a repost or a quote: never replayed).
func (c *Client) postJSON(ctx context.Context, u string, in, out any) error {
	return c.call(ctx, httpc.Request{Method: http.MethodPost, URL: u, Op: "post", Creates: true, JSON: in}, out)
}
