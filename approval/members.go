package approval

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// Members returns every member by name, for mentions and settings.
// Returns EFORBIDDEN for colistiers.
func (s *Service) Members(ctx context.Context) ([]*relais.Member, error) {
	if _, err := mayDiscuss(ctx); err != nil {
		return nil, err
	}
	var out []*relais.Member
	err := s.store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.Members()
		return err
	})
	return out, err
}
