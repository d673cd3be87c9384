package mastodon

import (
	"context"
	"net/url"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// statusCounts is the part of Mastodon's Status entity that holds its
// counts (https://docs.joinmastodon.org/entities/Status/: replies_count,
// reblogs_count, favourites_count; quotes_count since 4.5, absent before).
// Mastodon gives no view count.
type statusCounts struct {
	ID              string `json:"id"`
	RepliesCount    int64  `json:"replies_count"`
	ReblogsCount    int64  `json:"reblogs_count"`
	FavouritesCount int64  `json:"favourites_count"`
	QuotesCount     *int64 `json:"quotes_count"`
}

// Metrics implements connectors.MetricsReader with
// GET /api/v1/statuses/:id (https://docs.joinmastodon.org/methods/statuses/#get).
func (c *Client) Metrics(ctx context.Context, a relais.Account, remoteID string) (connectors.Metrics, error) {
	base, err := c.base(a)
	if err != nil {
		return connectors.Metrics{}, err
	}
	tok, err := token(a)
	if err != nil {
		return connectors.Metrics{}, err
	}
	var st statusCounts
	if _, err := c.get(ctx, base+"/api/v1/statuses/"+url.PathEscape(remoteID), tok, "read status counts", &st); err != nil {
		return connectors.Metrics{}, err
	}
	return connectors.Metrics{Likes: connectors.Count(st.FavouritesCount), Reposts: connectors.Count(st.ReblogsCount),
		Replies: connectors.Count(st.RepliesCount), Quotes: st.QuotesCount}, nil
}
