package x

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// MetricsBatchSize is GET /2/tweets's limit: 100 ids per call
// (https://docs.x.com/x-api/posts/get-posts-by-ids).
const MetricsBatchSize = 100

// ReadCost returns what reading n posts' metrics costs.
func ReadCost(n int) float64 { return float64(n) * PricePostRead }

// tweetsMetrics is GET /2/tweets?tweet.fields=public_metrics's answer:
// data[] with public_metrics (retweet_count, reply_count, like_count,
// quote_count, impression_count), and errors[] for ids not found.
type tweetsMetrics struct {
	Data []struct {
		ID            string `json:"id"`
		PublicMetrics struct {
			RetweetCount    *int64 `json:"retweet_count"`
			ReplyCount      *int64 `json:"reply_count"`
			LikeCount       *int64 `json:"like_count"`
			QuoteCount      *int64 `json:"quote_count"`
			ImpressionCount *int64 `json:"impression_count"`
		} `json:"public_metrics"`
	} `json:"data"`
}

// readMetrics is connectors.Batch's Read:
// GET /2/tweets?ids=…&tweet.fields=public_metrics (up to 100 ids). Posts
// X does not return (deleted, protected) are absent from the map.
func (c *Client) readMetrics(ctx context.Context, a relais.Account, ids []string) (map[string]connectors.Metrics, error) {
	hc, err := c.signedClient(ctx, a)
	if err != nil {
		return nil, err
	}
	q := url.Values{"ids": {strings.Join(ids, ",")}, "tweet.fields": {"public_metrics"}}
	var out tweetsMetrics
	if err := c.get(ctx, hc, c.base(a)+"/2/tweets?"+q.Encode(), &out, "read post metrics"); err != nil {
		return nil, err
	}
	m := make(map[string]connectors.Metrics, len(out.Data))
	for _, d := range out.Data {
		pm := d.PublicMetrics
		m[d.ID] = connectors.Metrics{Likes: pm.LikeCount, Reposts: pm.RetweetCount, Replies: pm.ReplyCount,
			Quotes: pm.QuoteCount, Views: pm.ImpressionCount}
	}
	return m, nil
}

// get fetches u with the signed client hc into out.
func (c *Client) get(ctx context.Context, hc *http.Client, u string, out any, op string) error {
	_, err := c.api.Do(ctx, httpc.Request{URL: u, Op: op, Client: hc}, out)
	return err
}
