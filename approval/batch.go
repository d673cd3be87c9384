package approval

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// BindFunc attaches drafts just created to the object that owns them (a
// field event), inside the transaction that created them.
type BindFunc func(tx *store.Tx, m *relais.Member, posts []*relais.Post) error

// CreateDraftsWith saves several drafts by the signed-in member and calls
// bind with them, all in one transaction: either every draft and the
// owning object exist, or none does. Each draft goes through the same
// checks as CreatePost (role, targets the member may publish to, fields)
// and later through normal review. detail is written to each audit entry.
func (s *Service) CreateDraftsWith(ctx context.Context, ins []PostInput, detail string, bind BindFunc) ([]*relais.Post, error) {
	return s.createBatch(ctx, ins, bind, func(tx *store.Tx, m *relais.Member, _ int, in PostInput) (*relais.Post, error) {
		return createDraft(tx, m, in, detail)
	})
}

// createBatch is the frame of the batch creations: the signed-in member
// may write posts, and one transaction creates a post per input with
// create, then calls bind with them.
func (s *Service) createBatch(ctx context.Context, ins []PostInput, bind BindFunc,
	create func(tx *store.Tx, m *relais.Member, i int, in PostInput) (*relais.Post, error)) ([]*relais.Post, error) {
	m, err := writer(ctx)
	if err != nil {
		return nil, err
	}
	var posts []*relais.Post
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		posts = posts[:0]
		for i, in := range ins {
			p, err := create(tx, m, i, in)
			if err != nil {
				return err
			}
			posts = append(posts, p)
		}
		return bind(tx, m, posts)
	})
	return posts, err
}

// createDraft inserts one draft by m inside tx and audits it.
func createDraft(tx *store.Tx, m *relais.Member, in PostInput, detail string) (*relais.Post, error) {
	ids, err := resolveTargets(tx, m, in.Targets)
	if err != nil {
		return nil, err
	}
	media, err := resolveMedia(tx, 0, in.Media)
	if err != nil {
		return nil, err
	}
	p := &relais.Post{AuthorID: m.ID, Text: in.Text, Variants: in.Variants, Targets: ids,
		ScheduledAt: in.ScheduledAt, Sensitive: in.Sensitive, Media: media}
	if err := p.Validate(tx.Now()); err != nil {
		return nil, err
	}
	p.ContentHash = p.Hash()
	if err := tx.CreatePostBy(p, relais.PostCreate); err != nil {
		return nil, err
	}
	return p, audit(tx, m, "post.create", p, detail)
}
