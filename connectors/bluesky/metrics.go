package bluesky

import (
	"context"
	"net/url"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// MetricsBatchSize is app.bsky.feed.getPosts's limit: 25 URIs per call
// (https://docs.bsky.app/docs/api/app-bsky-feed-get-posts).
const MetricsBatchSize = 25

// postsView is app.bsky.feed.getPosts's answer: post views with their
// counts (likeCount, repostCount, replyCount, quoteCount; no views).
type postsView struct {
	Posts []struct {
		URI         string `json:"uri"`
		LikeCount   *int64 `json:"likeCount"`
		RepostCount *int64 `json:"repostCount"`
		ReplyCount  *int64 `json:"replyCount"`
		QuoteCount  *int64 `json:"quoteCount"`
	} `json:"posts"`
}

// readMetrics is connectors.Batch's Read: GET
// app.bsky.feed.getPosts?uris=…&uris=… (up to 25 at:// URIs, the
// receipts' RemoteID). Posts that are deleted or hidden are absent from
// the answer and so from the map.
func (c *Client) readMetrics(ctx context.Context, a relais.Account, uris []string) (map[string]connectors.Metrics, error) {
	q := url.Values{"uris": uris}
	var out postsView
	err := c.authed(ctx, a, func(x xrpc, _ string) error {
		return x.call(ctx, "app.bsky.feed.getPosts", q, httpc.Request{}, &out)
	})
	if err != nil {
		return nil, err
	}
	m := make(map[string]connectors.Metrics, len(out.Posts))
	for _, p := range out.Posts {
		m[p.URI] = connectors.Metrics{Likes: p.LikeCount, Reposts: p.RepostCount, Replies: p.ReplyCount, Quotes: p.QuoteCount}
	}
	return m, nil
}
