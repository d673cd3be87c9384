package balance

import (
	"context"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/relaying"
	"github.com/relais/relais/store"
)

// Service reads the meter from the store.
type Service struct {
	Store *store.Store
}

// Week returns the meter of the campaign week holding now (Monday 00:00
// to Monday 00:00, campaign time).
func (s *Service) Week(ctx context.Context, now time.Time) (*Meter, error) {
	w := analytics.WeekOf(now, s.Store.Location())
	in := Input{Campaign: map[int64]bool{}}
	err := s.Store.View(ctx, func(tx *store.Tx) error {
		accts, err := tx.Accounts()
		if err != nil {
			return err
		}
		for _, a := range accts {
			if a.OwnerKind == relais.OwnerCampaign {
				in.Campaign[a.ID] = true
			} else if a.OwnerKind == relais.OwnerColistier {
				in.Colistiers = append(in.Colistiers, a)
			}
		}
		if in.Posts, err = tx.Posts(store.PostFilter{From: &w.From, To: &w.To, Limit: 10000}); err != nil {
			return err
		}
		in.Reposts, err = reposts(tx, w)
		return err
	})
	if err != nil {
		return nil, err
	}
	return Compute(w.String(), in), nil
}

// reposts returns the handles of the colistiers reposted in w.
func reposts(tx *store.Tx, w analytics.Week) ([]string, error) {
	es, err := tx.Audit(store.AuditFilter{From: &w.From, To: &w.To, Limit: 50000})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range es {
		if e.Action == relaying.RepostAction {
			out = append(out, relaying.RepostedHandle(e.Detail))
		}
	}
	return out, nil
}
