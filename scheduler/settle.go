package scheduler

import (
	"context"
	"fmt"
	"time"

	"github.com/relais/relais"
)

// settle updates the post's state from its deliveries once d's outcome
// has committed, and announces the delivery.
func (w *DeliverWorker) settle(ctx context.Context, d *relais.Delivery) error {
	state, err := w.s.cfg.Store.SettlePost(ctx, d.PostID)
	if err != nil {
		return fmt.Errorf("cannot settle post %d: %w", d.PostID, err)
	}
	w.s.publish(relais.Event{Type: relais.EventDelivery, PostID: d.PostID, State: string(state),
		Data: map[string]any{"account_id": d.AccountID, "delivery_state": d.State, "url": d.URL}})
	return nil
}

// settleOnly settles a post whose delivery was already recorded.
func (s *Scheduler) settleOnly(ctx context.Context, postID int64) error {
	if _, err := s.cfg.Store.SettlePost(ctx, postID); err != nil {
		return fmt.Errorf("cannot settle post %d: %w", postID, err)
	}
	return nil
}

// hold records that this replica publishes d from now on (shown on the
// post page while it is publishing).
func (s *Scheduler) hold(d *relais.Delivery, now time.Time) {
	d.HeldBy, d.HeldSince = s.cfg.ReplicaID, &now
}
