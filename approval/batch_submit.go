package approval

import (
	"context"
	"fmt"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// BatchError says which input of a batch failed; it unwraps to the cause
// (so its code and field stay readable).
type BatchError struct {
	Index int
	Err   error
}

// Error implements error.
func (e *BatchError) Error() string { return fmt.Sprintf("input %d: %v", e.Index, e.Err) }

// Unwrap returns the cause.
func (e *BatchError) Unwrap() error { return e.Err }

// CreateAndSubmitWith creates several posts by the signed-in member,
// submits each to review (tone rules and routing, as Submit does) and
// calls bind with them, all in one transaction: if any input fails (a
// *BatchError naming it) or bind does, nothing is written, and the
// notifications and events wait for the commit.
func (s *Service) CreateAndSubmitWith(ctx context.Context, ins []PostInput, bind BindFunc) ([]*relais.Post, error) {
	return s.createBatch(ctx, ins, bind, func(tx *store.Tx, m *relais.Member, i int, in PostInput) (*relais.Post, error) {
		p, err := s.createSubmitted(tx, m, in)
		if err != nil {
			return nil, &BatchError{Index: i, Err: err}
		}
		return p, nil
	})
}

// createSubmitted inserts a post as CreatePost does and sends it to review
// as Submit does, inside tx.
func (s *Service) createSubmitted(tx *store.Tx, m *relais.Member, in PostInput) (*relais.Post, error) {
	p, err := createDraft(tx, m, in, "")
	if err != nil {
		return nil, err
	}
	if p.Lang, err = postLang(in); err != nil {
		return nil, err
	} else if err := refuseBlackout(tx, p); err != nil {
		return nil, err
	}
	return p, s.submitIn(tx, m, p)
}
