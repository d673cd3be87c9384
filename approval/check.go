package approval

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// Check runs on post id the checks a submit would (its fields, the
// platforms' rules, the tone rules) without saving or moving anything,
// and returns the first refusal: the edit page shows why a draft cannot
// go to review. Only its author or the web team may check it.
func (s *Service) Check(ctx context.Context, id int64) error {
	m, err := caller(ctx)
	if err != nil {
		return err
	}
	return s.store.View(ctx, func(tx *store.Tx) error {
		p, err := tx.PostByID(id)
		if err != nil {
			return err
		} else if !mayEdit(m, p) {
			return relais.Errorf(relais.EFORBIDDEN, "Only the author or the web team may check this post.")
		} else if err := p.Validate(tx.Now()); err != nil {
			return err
		}
		return s.review(tx, p)
	})
}
