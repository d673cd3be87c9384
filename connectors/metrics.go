package connectors

import (
	"context"
	"fmt"

	"github.com/relais/relais"
)

// Metrics are a publication's public counts as its platform reports them.
// A nil count is one the platform does not give (or the token may not
// read): missing, never zero.
type Metrics struct {
	// Likes are likes, Mastodon's favourites, Facebook's reactions.
	Likes *int64 `json:"likes"`
	// Reposts are reposts, Mastodon's boosts, Facebook's shares.
	Reposts *int64 `json:"reposts"`
	// Replies are replies, Facebook's comments.
	Replies *int64 `json:"replies"`
	// Quotes are quote posts (X, Bluesky, Mastodon 4.5 and later).
	Quotes *int64 `json:"quotes"`
	// Views are X's impressions; no other platform gives them.
	Views *int64 `json:"views"`
}

// Count returns a pointer to n, for building Metrics.
func Count(n int64) *int64 { return &n }

// MetricsReader is implemented by connectors whose platform reports a
// publication's counts. remoteID is the Receipt's RemoteID.
type MetricsReader interface {
	Metrics(ctx context.Context, a relais.Account, remoteID string) (Metrics, error)
}

// MetricsUnavailable is implemented by connectors whose platform gives
// relais no counts at all (Telegram): the answer is "not available", and
// the reason is shown beside the missing figures, never zeros.
type MetricsUnavailable interface {
	MetricsUnavailable() (reason string)
}

// NotAvailable prefixes the reason a platform's figures are missing.
const NotAvailable = "not available: "

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

// BatchFunc reads many publications' counts in one call.
type BatchFunc func(ctx context.Context, a relais.Account, remoteIDs []string) (map[string]Metrics, error)

// Batch is a BatchMetricsReader made of a platform's batch read, for a
// connector to embed (X, Bluesky).
type Batch struct {
	Platform string    // names errors
	Size     int       // publications per call at most
	Read     BatchFunc // one call, with at most Size publications
}

// MetricsBatchSize implements BatchMetricsReader.
func (b Batch) MetricsBatchSize() int { return b.Size }

// MetricsBatch implements BatchMetricsReader: Read, refused beyond Size.
func (b Batch) MetricsBatch(ctx context.Context, a relais.Account, remoteIDs []string) (map[string]Metrics, error) {
	if len(remoteIDs) > b.Size {
		return nil, fmt.Errorf("%s: %d publications, at most %d per call", b.Platform, len(remoteIDs), b.Size)
	}
	return b.Read(ctx, a, remoteIDs)
}

// Metrics implements MetricsReader with a batch of one: a publication the
// platform does not return (deleted, hidden) is a Permanent "post not
// found" error.
func (b Batch) Metrics(ctx context.Context, a relais.Account, remoteID string) (Metrics, error) {
	got, err := b.MetricsBatch(ctx, a, []string{remoteID})
	if err != nil {
		return Metrics{}, err
	}
	m, ok := got[remoteID]
	if !ok {
		return m, &Error{Class: Permanent, Platform: b.Platform, Message: "post not found: " + remoteID}
	}
	return m, nil
}
