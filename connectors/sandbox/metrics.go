package sandbox

import (
	"context"
	"hash/fnv"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// Metrics implements connectors.MetricsReader with deterministic synthetic
// counts, so that the demo has figures: they depend only on the entry and
// on how long it has been online, and grow with time up to a plateau.
func (c *Connector) Metrics(ctx context.Context, a relais.Account, remoteID string) (connectors.Metrics, error) {
	c.mu.Lock()
	now := time.Now()
	if c.clock != nil {
		now = c.clock()
	}
	var at time.Time
	for _, e := range c.order {
		if e.ID == remoteID {
			at = e.At
		}
	}
	c.mu.Unlock()
	if at.IsZero() {
		return connectors.Metrics{}, &connectors.Error{Class: connectors.Permanent, Platform: "sandbox", Message: "no such publication: " + remoteID}
	}
	return SyntheticMetrics(remoteID, now.Sub(at)), nil
}

// SyntheticMetrics returns the sandbox's counts for a publication online
// for age: a seed from its ID scaled by a saturating curve of its age.
func SyntheticMetrics(remoteID string, age time.Duration) connectors.Metrics {
	h := fnv.New64a()
	h.Write([]byte(remoteID))
	seed := int64(h.Sum64() % 1000)
	hours := max(age.Hours(), 0)
	grow := func(scale int64) *int64 {
		n := (scale + seed*scale/1000) * int64(min(hours, 72)) / 72
		return connectors.Count(n)
	}
	return connectors.Metrics{Likes: grow(120), Reposts: grow(30), Replies: grow(12), Quotes: grow(4), Views: grow(4000)}
}

// SetClock replaces the clock metrics are computed with, for tests and
// demos that move time.
func (c *Connector) SetClock(now func() time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clock = now
}
