package x

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
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

// MetricsBatchSize implements connectors.BatchMetricsReader.
func (c *Client) MetricsBatchSize() int { return MetricsBatchSize }

// Metrics implements connectors.MetricsReader.
func (c *Client) Metrics(ctx context.Context, a relais.Account, remoteID string) (connectors.Metrics, error) {
	got, err := c.MetricsBatch(ctx, a, []string{remoteID})
	if err != nil {
		return connectors.Metrics{}, err
	}
	m, ok := got[remoteID]
	if !ok {
		return m, &connectors.Error{Class: connectors.Permanent, Platform: "x", Message: "post not found: " + remoteID}
	}
	return m, nil
}

// MetricsBatch implements connectors.BatchMetricsReader with
// GET /2/tweets?ids=…&tweet.fields=public_metrics (up to 100 ids). Posts
// X does not return (deleted, protected) are absent from the map.
func (c *Client) MetricsBatch(ctx context.Context, a relais.Account, ids []string) (map[string]connectors.Metrics, error) {
	if len(ids) > MetricsBatchSize {
		return nil, fmt.Errorf("x: %d ids, at most %d per call", len(ids), MetricsBatchSize)
	}
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

// get fetches url with the signed client into out.
func (c *Client) get(ctx context.Context, hc *http.Client, u string, out any, op string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return fmt.Errorf("x: unable to build request: %w", err)
	}
	res, err := hc.Do(req)
	if err != nil {
		return transportError(op, err, false)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 4<<20))
	if err != nil {
		return transportError(op, err, false)
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return classify(op, res, b, false)
	}
	if err := json.Unmarshal(b, out); err != nil {
		return &connectors.Error{Platform: "x", Class: connectors.Retryable, Status: res.StatusCode,
			Err: fmt.Errorf("x: unable to %s: bad answer: %w", op, err)}
	}
	return nil
}
