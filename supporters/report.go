package supporters

import (
	"context"
	"time"

	"github.com/relais/relais/store"
)

// NewByDistrict counts the supporters who joined in [from, to), per
// district (see store.NewSupportersByDistrict for the rule). It returns
// counts only, no contact, and checks no caller: the weekly report that
// uses it checks its own (and the Monday mail runs as the system).
func (s *Service) NewByDistrict(ctx context.Context, from, to time.Time) (map[string]int64, error) {
	var cs []store.DistrictCount
	err := s.store.View(ctx, func(tx *store.Tx) (err error) { cs, err = tx.NewSupportersByDistrict(from, to); return err })
	out := make(map[string]int64, len(cs))
	for _, c := range cs {
		out[c.District] = c.N
	}
	return out, err
}
