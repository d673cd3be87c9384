package approval

import (
	"context"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// CancelInput says why a post is cancelled.
type CancelInput struct {
	Reason string `json:"reason,omitempty"`
}

// Cancel withdraws a post that has not started publishing: it becomes
// cancelled. Its fan-out job, which checks the post's state and content
// hash when it runs, then does nothing, so no job needs deleting (and a
// replica that already fetched it cannot publish it either: the check and
// the fan-out happen under the post's row lock).
//
// Returns EFORBIDDEN when the caller may not edit the post and ECONFLICT
// once the post is publishing or done.
func (s *Service) Cancel(ctx context.Context, id int64, in CancelInput) (*relais.Post, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !m.Role.CanDraft() {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not cancel posts.", m.Role)
	}
	var p *relais.Post
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if p, err = tx.PostForUpdate(id); err != nil {
			return err
		} else if !mayEdit(m, p) {
			return relais.Errorf(relais.EFORBIDDEN, "Only the author or the web team may cancel this post.")
		} else if !p.State.Editable() {
			return relais.Errorf(relais.ECONFLICT, "A post in state %s can no longer be cancelled.", p.State)
		}
		p.State = relais.PostCancelled
		if err := tx.SetPostState(p.ID, p.State); err != nil {
			return err
		}
		s.announce(tx, relais.EventPostUpdated, p)
		return audit(tx, m, "post.cancel", p, strings.TrimSpace(in.Reason))
	})
	return p, err
}
