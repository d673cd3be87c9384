package approval

import (
	"context"
	"database/sql"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// CancelInput says why a post is cancelled.
type CancelInput struct {
	Reason string `json:"reason,omitempty"`
}

// Cancel withdraws a post that has not started publishing: it becomes
// cancelled and its pending fan-out jobs are cancelled in the same
// transaction. A fan-out job that a replica already fetched checks the
// post's state and content hash under the post's row lock, so it does
// nothing either.
//
// Returns EFORBIDDEN when the caller may not edit the post and ECONFLICT
// once the post is publishing or done.
func (s *Service) Cancel(ctx context.Context, id int64, in CancelInput) (*relais.Post, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Grants(m.Role, policy.PostCancel) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not cancel posts.", m.Role)
	}
	var p *relais.Post
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if p, err = postToEdit(tx, m, id, "cancel"); err != nil {
			return err
		} else if err := tx.MovePost(p, relais.PostCancel); err != nil {
			return err
		}
		if err := s.dropFanOuts(ctx, tx, p.ID); err != nil {
			return err
		}
		s.announce(tx, relais.EventPostUpdated, p)
		detail := ""
		if reason := strings.TrimSpace(in.Reason); reason != "" {
			detail = i18n.Code("history.cancel", "reason", reason)
		}
		return audit(tx, m, "post.cancel", p, detail)
	})
	return p, err
}

// FanOutCanceller cancels a post's pending fan-out jobs inside a
// transaction (the scheduler implements it).
type FanOutCanceller interface {
	CancelFanOuts(ctx context.Context, tx *sql.Tx, postID int64) (int, error)
}

// dropFanOuts cancels p's pending fan-out jobs when the queue can.
func (s *Service) dropFanOuts(ctx context.Context, tx *store.Tx, postID int64) error {
	if c, ok := s.jobs.(FanOutCanceller); ok {
		_, err := c.CancelFanOuts(ctx, tx.SQL(), postID)
		return err
	}
	return nil
}
