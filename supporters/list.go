package supporters

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// Page is one page of the supporters list.
type Page struct {
	Supporters []*relais.Supporter `json:"supporters"`
	Total      int64               `json:"total"`
}

// List returns supporters matching f, within what the caller may see:
// editors and admins, a sector's web lead only in her sector.
func (s *Service) List(ctx context.Context, f store.SupporterFilter) (*Page, error) {
	scope, err := listScope(ctx)
	if err != nil {
		return nil, err
	}
	if scope != nil {
		f.Districts = intersect(f.Districts, scope)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	out := &Page{}
	err = s.store.View(ctx, func(tx *store.Tx) (err error) {
		out.Supporters, out.Total, err = tx.Supporters(f)
		return err
	})
	return out, err
}

// Counts returns the counts per district the caller may see: every
// district for the web team and the candidate, her own for a colistier
// or a sector's web lead.
func (s *Service) Counts(ctx context.Context) ([]store.SupporterDistrictCount, error) {
	scope, err := countScope(ctx)
	if err != nil {
		return nil, err
	}
	var out []store.SupporterDistrictCount
	err = s.store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.SupporterCounts(scope)
		return err
	})
	return out, err
}

// intersect keeps the wanted districts within scope (all of scope when
// none is wanted).
func intersect(want, scope []string) []string {
	if len(want) == 0 {
		return scope
	}
	out := []string{}
	for _, w := range want {
		for _, s := range scope {
			if w == s {
				out = append(out, w)
			}
		}
	}
	return out
}
