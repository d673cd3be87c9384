package store

import (
	"context"

	"github.com/relais/relais"
)

// SettlePost sets a publishing post's state from its deliveries' states,
// once they are all settled, and returns the post's state. It takes no row
// lock before reading and runs after the delivery's own transaction has
// committed: of two deliveries settling at once, the read that starts last
// sees both, and a final state is written only over "publishing" (a
// conditional update), so a read that saw fewer deliveries settled never
// overwrites it. Call it again (e.g. from a rescued job) after a crash
// between the commit and here: it is idempotent.
func (s *Store) SettlePost(ctx context.Context, postID int64) (relais.PostState, error) {
	state := relais.PostPublishing
	err := s.Update(ctx, func(tx *Tx) error {
		ds, err := tx.Deliveries(postID)
		if err != nil {
			return err
		}
		if state = relais.AggregateState(ds); state == relais.PostPublishing {
			return nil
		}
		return tx.db.Model(&postRow{}).Where("id = ? AND state = ?", postID, string(relais.PostPublishing)).
			Updates(map[string]any{"state": string(state), "updated_at": tx.Now()}).Error
	})
	return state, err
}
