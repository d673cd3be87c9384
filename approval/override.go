package approval

import (
	"context"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// Override submits a post that a tone rule blocks. Only an admin may, with
// a written reason kept in the audit log; the override holds for this exact
// content only, so any later edit is checked afresh.
func (s *Service) Override(ctx context.Context, id int64, reason string) (*relais.Post, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.PostOverride, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Only an admin may override a tone block.")
	} else if reason = strings.TrimSpace(reason); reason == "" {
		return nil, relais.FieldErrorf("reason", "A written reason is required to override a tone block.")
	}
	var p *relais.Post
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if p, err = tx.PostForUpdate(id); err != nil {
			return err
		} else if _, err := relais.PostTransition(p.State, relais.PostOverride); err != nil {
			return err
		}
		p.Tone = &relais.ToneVerdict{Overridden: true, Hash: p.ContentOnlyHash()}
		if err := s.reviewAndMove(tx, p, relais.PostOverride); err != nil {
			return err
		}
		if err := s.recordToneExample(tx, m, p, "ok", "override", reason); err != nil {
			return err
		}
		return audit(tx, m, "post.override", p, i18n.Code("history.override", "verdict", p.Tone.Verdict, "reason", reason))
	})
	if err == nil {
		// The decision stands even if retraining fails (a read error):
		// the model catches up at the next decision or restart.
		_ = s.Relearn(ctx)
	}
	return p, err
}
