package approval

import (
	"context"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// DateCheck is what a date would meet on some accounts before a post is
// saved or moved there: the posts planned too close on each account, and
// the end of the electoral blackout it falls in (zero when none).
type DateCheck struct {
	Conflicts     []SlotConflict
	BlackoutUntil time.Time
}

// CheckDate tells the compose page, as the date or the accounts change,
// what at would meet on accounts (post except being the one edited, 0 for
// a new one): warnings only, the writes check again. Accounts the caller
// may not post to are ignored.
func (s *Service) CheckDate(ctx context.Context, at time.Time, accounts []int64, except int64) (DateCheck, error) {
	m, err := caller(ctx)
	if err != nil {
		return DateCheck{}, err
	} else if !policy.Grants(m.Role, policy.PostCreate) {
		return DateCheck{}, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not write posts.", m.Role)
	}
	var out DateCheck
	err = s.store.View(ctx, func(tx *store.Tx) error {
		b, err := tx.Blackout()
		if err != nil {
			return err
		} else if in, until := b.At(at); in {
			out.BlackoutUntil = until
		}
		out.Conflicts, err = conflictsAt(tx, at, mayTargetOf(tx, m, accounts), except)
		return err
	})
	return out, err
}

// mayTargetOf keeps the accounts m may post to.
func mayTargetOf(tx *store.Tx, m *relais.Member, accounts []int64) []int64 {
	var out []int64
	for _, id := range accounts {
		if a, err := tx.AccountByID(id); err == nil && MayTarget(m, a) {
			out = append(out, id)
		}
	}
	return out
}
