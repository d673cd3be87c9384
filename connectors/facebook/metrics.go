package facebook

import (
	"context"
	"net/url"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// metricFields asks a Page post for its reactions, comments and shares
// counts without their lists (https://developers.facebook.com/docs/graph-api/reference/v26.0/object/reactions:
// fields=reactions.summary(total_count); Page Post fields "shares" and
// "comments" with summary). Views (post insights) are left out: Meta
// deprecates Page Insights metrics from 15 June 2026 and they need
// pages_read_insights, so they show as missing.
const metricFields = "shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)"

type postCounts struct {
	Shares *struct {
		Count int64 `json:"count"`
	} `json:"shares"`
	Reactions *struct {
		Summary struct {
			TotalCount int64 `json:"total_count"`
		} `json:"summary"`
	} `json:"reactions"`
	Comments *struct {
		Summary struct {
			TotalCount int64 `json:"total_count"`
		} `json:"summary"`
	} `json:"comments"`
}

// Metrics implements connectors.MetricsReader with GET /{post-id}?fields=…
// The page token goes in the Authorization header, never in the URL.
func (c *Client) Metrics(ctx context.Context, a relais.Account, remoteID string) (connectors.Metrics, error) {
	feed, tok, err := c.feedURL(a)
	if err != nil {
		return connectors.Metrics{}, err
	}
	base := feed[:strings.LastIndex(strings.TrimSuffix(feed, "/feed"), "/")]
	u := base + "/" + url.PathEscape(remoteID) + "?" + url.Values{"fields": {metricFields}}.Encode()
	var pc postCounts
	if _, err := c.api.Do(ctx, httpc.Request{URL: u, Op: "read post counts", Token: tok}, &pc); err != nil {
		return connectors.Metrics{}, err
	}
	var m connectors.Metrics
	if pc.Reactions != nil {
		m.Likes = connectors.Count(pc.Reactions.Summary.TotalCount)
	}
	if pc.Comments != nil {
		m.Replies = connectors.Count(pc.Comments.Summary.TotalCount)
	}
	m.Reposts = connectors.Count(0) // a post nobody shared has no "shares" field
	if pc.Shares != nil {
		m.Reposts = connectors.Count(pc.Shares.Count)
	}
	return m, nil
}
