package approval

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store"
)

// UpdatePost replaces a post's content. An edit after submission re-runs
// the tone check and routing; an edit after approval sends the post back to
// review (its scheduled job, bound to the old hash, then does nothing).
func (s *Service) UpdatePost(ctx context.Context, id int64, in PostInput) (*relais.Post, error) {
	return s.writePost(ctx, caller, id, in, func(tx *store.Tx, m *relais.Member, av attachedVideo) (*relais.Post, error) {
		p, err := postToEdit(tx, m, id, "edit")
		if err != nil {
			return nil, err
		} else if _, err := relais.PostTransition(p.State, relais.PostEdit); err != nil {
			return p, err
		}
		return p, s.rewrite(tx, m, p, in, av)
	})
}

// rewrite replaces p's content with in and, when it changed, keeps the
// old revision and reviews the post again.
func (s *Service) rewrite(tx *store.Tx, m *relais.Member, p *relais.Post, in PostInput, av attachedVideo) error {
	before, beforeText, beforeLang := p.ContentHash, p.Text, p.Lang
	if err := writeInput(tx, m, p, in, av); err != nil {
		return err
	}
	if p.ContentHash == before && p.Lang == beforeLang {
		return nil
	} else if p.ContentHash == before {
		return tx.UpdatePost(p) // the language tag only: the approved content is unchanged
	} else if err := keepRevision(tx, p, beforeText, before); err != nil {
		return err
	}
	return s.reviewAfterEdit(tx, m, p, before)
}

func (s *Service) reviewAfterEdit(tx *store.Tx, m *relais.Member, p *relais.Post, before string) error {
	key := "history.edit"
	if p.State != relais.PostDraft && p.State != relais.PostChangesRequested {
		if err := s.review(tx, p); err != nil {
			return err
		}
		if p.State == relais.PostApproved || p.State == relais.PostScheduled {
			key = "history.edit_voided"
		}
		if err := tx.MovePost(p, relais.PostEdit); err != nil {
			return err
		}
		s.announce(tx, relais.EventPostSubmitted, p)
	}
	if err := tx.UpdatePost(p); err != nil {
		return err
	} else if err := s.requested(tx, p); err != nil {
		return err
	}
	return audit(tx, m, "post.edit", p, i18n.Code(key, "hash", before[:12]))
}
