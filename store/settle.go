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
// conditional update, MovePost), so a read that saw fewer deliveries
// settled never overwrites it: it finds the post settled and returns its
// state. The move and its audit entry (post.settle) share a transaction.
// Call it again (e.g. from a rescued job) after a crash between the
// delivery's commit and here: it is idempotent.
func (s *Store) SettlePost(ctx context.Context, postID int64) (relais.PostState, error) {
	var state relais.PostState
	err := s.Update(ctx, func(tx *Tx) error {
		ds, err := tx.deliveryStates(postID)
		if err != nil {
			return err
		}
		state = relais.AggregateState(ds)
		ev, final := relais.SettleEvent(state)
		if !final {
			return nil
		}
		p := &relais.Post{ID: postID, State: relais.PostPublishing}
		if err := tx.MovePost(p, ev); relais.ErrorCode(err) == relais.ECONFLICT {
			return nil // settled by another delivery, or not publishing
		} else if err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "post.settle", PostID: postID, Detail: string(state)})
	})
	return state, err
}

// deliveryStates returns one delivery per state the post's deliveries are
// in (what AggregateState needs), counted by the database.
func (tx *Tx) deliveryStates(postID int64) ([]*relais.Delivery, error) {
	var states []string
	if err := tx.db.Model(&deliveryRow{}).Where("post_id = ?", postID).Distinct("state").Pluck("state", &states).Error; err != nil {
		return nil, err
	}
	out := make([]*relais.Delivery, len(states))
	for i, st := range states {
		out[i] = &relais.Delivery{PostID: postID, State: relais.DeliveryState(st)}
	}
	return out, nil
}

// PostToPublish returns a post with its images but not its targets: what
// one delivery needs (a post may target hundreds of accounts, read once
// per delivery otherwise). Returns ENOTFOUND if none.
func (tx *Tx) PostToPublish(id int64) (*relais.Post, error) {
	p, err := tx.barepost(id)
	if err != nil {
		return nil, err
	}
	return p, tx.loadAttachments(map[int64]*relais.Post{p.ID: p}, []int64{p.ID})
}
