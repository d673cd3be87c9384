package analytics

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
)

// SourcePlatforms and the windows say where figures come from.
const (
	SourcePlatforms = "platform APIs (public counts read by relais at +1h, +6h, +24h, +72h, +7d)"
	SourceRedirect  = "relais short links (/l/{code}): one per person's GET, bots, HEAD and prefetches excluded"
	SourceShares    = "relais share suggestions (shared / declined by colistiers)"
)

// DeliveryMetrics is one delivery's series.
type DeliveryMetrics struct {
	AccountID int64                `json:"account_id"`
	Platform  relais.Platform      `json:"platform"`
	Series    []store.MetricsPoint `json:"series"`
}

// Totals sums the latest collection of each delivery; a count no
// delivery has is null (missing), not zero. Its counts are a
// publication's (connectors.Metrics), summed.
type Totals connectors.Metrics

// PostMetricsView is GET /api/posts/{id}/metrics.
type PostMetricsView struct {
	Deliveries []DeliveryMetrics `json:"deliveries"`
	Totals     Totals            `json:"totals"`
	Window     string            `json:"window"`
	Source     string            `json:"source"`
}

// PostMetrics returns a post's platform metrics, per delivery over time.
func (s *Service) PostMetrics(ctx context.Context, postID int64) (*PostMetricsView, error) {
	if err := mayRead(ctx); err != nil {
		return nil, err
	}
	v := &PostMetricsView{Deliveries: []DeliveryMetrics{}, Window: "from publication to +7 days", Source: SourcePlatforms}
	err := s.st.View(ctx, func(tx *store.Tx) error {
		ds, err := tx.Deliveries(postID)
		if err != nil {
			return err
		} else if _, err := tx.PostByID(postID); err != nil {
			return err
		}
		ps, err := tx.PostMetrics(postID)
		if err != nil {
			return err
		}
		return s.fill(tx, v, ds, ps)
	})
	return v, err
}

func (s *Service) fill(tx *store.Tx, v *PostMetricsView, ds []*relais.Delivery, ps []store.MetricsPoint) error {
	byDelivery := map[int64][]store.MetricsPoint{}
	for _, p := range ps {
		byDelivery[p.DeliveryID] = append(byDelivery[p.DeliveryID], p)
	}
	for _, d := range ds {
		if d.State != relais.DeliveryPublished {
			continue
		}
		a, err := tx.AccountByID(d.AccountID)
		if err != nil {
			return err
		}
		series := byDelivery[d.ID]
		if series == nil {
			series = []store.MetricsPoint{}
		}
		v.Deliveries = append(v.Deliveries, DeliveryMetrics{AccountID: d.AccountID, Platform: a.Platform, Series: series})
		v.Totals.add(latest(series))
	}
	return nil
}

// latest returns the last collection that has figures, or nil.
func latest(series []store.MetricsPoint) *store.MetricsPoint {
	for i := len(series) - 1; i >= 0; i-- {
		if series[i].Error == "" {
			return &series[i]
		}
	}
	return nil
}

func (t *Totals) add(p *store.MetricsPoint) {
	if p == nil {
		return
	}
	sum(&t.Likes, p.Likes)
	sum(&t.Reposts, p.Reposts)
	sum(&t.Replies, p.Replies)
	sum(&t.Quotes, p.Quotes)
	sum(&t.Views, p.Views)
}

func sum(dst **int64, v *int64) {
	if v == nil {
		return
	}
	if *dst == nil {
		*dst = new(int64)
	}
	**dst += *v
}
