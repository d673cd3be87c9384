package connectors

import (
	"context"

	"github.com/relais/relais"
)

// Metrics are a publication's public counts as its platform reports them.
// A nil count is one the platform does not give (or the token may not
// read): missing, never zero.
type Metrics struct {
	Likes   *int64 `json:"likes"`
	Reposts *int64 `json:"reposts"`
	Replies *int64 `json:"replies"`
	Quotes  *int64 `json:"quotes"`
	Views   *int64 `json:"views"`
}

// Count returns a pointer to n, for building Metrics.
func Count(n int64) *int64 { return &n }

// MetricsReader is implemented by connectors whose platform reports a
// publication's counts. remoteID is the Receipt's RemoteID.
//
// Telegram does not implement it: the Bot API returns no view or reaction
// counts for a bot's own channel messages, so its figures are missing.
type MetricsReader interface {
	Metrics(ctx context.Context, a relais.Account, remoteID string) (Metrics, error)
}

// BatchMetricsReader reads many publications of one account in one call
// (X: 100 ids; Bluesky: 25 URIs). Publications the platform does not
// return are absent from the map (deleted, or not visible).
type BatchMetricsReader interface {
	MetricsReader
	MetricsBatch(ctx context.Context, a relais.Account, remoteIDs []string) (map[string]Metrics, error)
	MetricsBatchSize() int
}

// MetricsFor returns the counts of remoteIDs through c, batched when the
// connector can; ok is false when c reads no metrics at all.
func MetricsFor(ctx context.Context, c Connector, a relais.Account, remoteIDs []string) (out map[string]Metrics, ok bool, err error) {
	out = map[string]Metrics{}
	if b, isBatch := c.(BatchMetricsReader); isBatch {
		for off := 0; off < len(remoteIDs); off += b.MetricsBatchSize() {
			got, err := b.MetricsBatch(ctx, a, remoteIDs[off:min(off+b.MetricsBatchSize(), len(remoteIDs))])
			if err != nil {
				return out, true, err
			}
			for k, v := range got {
				out[k] = v
			}
		}
		return out, true, nil
	}
	r, isReader := c.(MetricsReader)
	if !isReader {
		return out, false, nil
	}
	for _, id := range remoteIDs {
		m, err := r.Metrics(ctx, a, id)
		if err != nil {
			return out, true, err
		}
		out[id] = m
	}
	return out, true, nil
}

// BatchFunc reads many publications' counts in one call (MetricsBatch).
type BatchFunc func(ctx context.Context, a relais.Account, remoteIDs []string) (map[string]Metrics, error)

// OneOf reads one publication's counts through a batch read, for a batch
// reader's Metrics: a publication the platform does not return (deleted,
// hidden) is a Permanent "post not found" error.
func OneOf(ctx context.Context, batch BatchFunc, platform string, a relais.Account, remoteID string) (Metrics, error) {
	got, err := batch(ctx, a, []string{remoteID})
	if err != nil {
		return Metrics{}, err
	}
	m, ok := got[remoteID]
	if !ok {
		return m, &Error{Class: Permanent, Platform: platform, Message: "post not found: " + remoteID}
	}
	return m, nil
}
