package approval

import (
	"context"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store"
)

// DecisionInput is a refusal or a request for changes; the comment is
// required.
type DecisionInput struct {
	ContentHash string `json:"content_hash,omitempty"`
	Comment     string `json:"comment"`
	// ToneRule, if set, names the tone rule the post broke (attack,
	// negative, desintox, ridicule): the post becomes a labelled example
	// the tone model learns from.
	ToneRule string `json:"tone_rule,omitempty"`
}

// Reject refuses a post for good. Returns EINVALID without a comment.
func (s *Service) Reject(ctx context.Context, id int64, in DecisionInput) (*relais.Post, error) {
	return s.refuse(ctx, id, in, "rejected", relais.PostReject, relais.EventPostRejected)
}

// RequestChanges sends a post back to its author with a reason.
func (s *Service) RequestChanges(ctx context.Context, id int64, in DecisionInput) (*relais.Post, error) {
	return s.refuse(ctx, id, in, "changes_requested", relais.PostRequestChanges, relais.EventPostUpdated)
}

func (s *Service) refuse(ctx context.Context, id int64, in DecisionInput, decision string, ev relais.PostEvent, event string) (*relais.Post, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	comment := strings.TrimSpace(in.Comment)
	if comment == "" {
		return nil, relais.FieldErrorf("comment", "A comment is required to say why.").With("error.comment_required")
	}
	if err := checkToneRule(in.ToneRule); err != nil {
		return nil, err
	}
	var p *relais.Post
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if p, err = tx.PostForUpdate(id); err != nil {
			return err
		}
		hash := in.ContentHash
		if hash == "" {
			hash = p.ContentHash // refusing stale content is harmless
		}
		if p, _, err = s.decidable(tx, m, id, hash, ev); err != nil {
			return err
		}
		if err := decide(tx, m, p, ev, decision, comment); err != nil {
			return err
		}
		s.announce(tx, event, p)
		if in.ToneRule != "" {
			if err := s.recordToneExample(tx, m, p, in.ToneRule, decision, comment); err != nil {
				return err
			}
		}
		if comment != "" {
			comment = i18n.Code("history.decision", "text", comment)
		}
		return audit(tx, m, "post."+decision, p, comment)
	})
	if err == nil && in.ToneRule != "" {
		// The decision stands even if retraining fails (a read error):
		// the model catches up at the next decision or restart.
		_ = s.Relearn(ctx)
	}
	return p, err
}
