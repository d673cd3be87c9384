package approval

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// ExpireDue marks expired every post still in review whose scheduled time
// has passed: its approval request lapsed, so it never goes out (Approve
// refuses it too). Each expiry is audited as the system's. It returns how
// many posts expired.
func (s *Service) ExpireDue(ctx context.Context) (int, error) {
	n := 0
	err := s.store.Update(ctx, func(tx *store.Tx) error {
		now := tx.Now()
		due, err := tx.Posts(store.PostFilter{States: []relais.PostState{relais.PostInReview}, To: &now, Limit: 500})
		if err != nil {
			return err
		}
		for _, d := range due {
			p, err := tx.PostForUpdate(d.ID)
			if err != nil {
				return err
			} else if p.State != relais.PostInReview || p.ScheduledAt == nil || !p.ScheduledAt.Before(now) {
				continue
			}
			if err := s.expire(tx, p); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}
