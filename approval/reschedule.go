package approval

import (
	"context"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// RescheduleInput moves a post in the calendar.
type RescheduleInput struct {
	ScheduledAt *time.Time `json:"scheduled_at"`
}

// Reschedule moves a post to a new time.
//
// The approval is bound to the content hash, which includes the time, so a
// move changes the hash; the fan-out job of the old time is cancelled (and
// would do nothing anyway, being bound to the old hash).
// Semantics: a draft or a post in review simply gets the new time (a post
// in review is re-routed). An approved or scheduled post is re-checked at
// the new time (tone, routing, blackout): if the mover may approve it alone
// (not its author, routing allows, no second step on its accounts), the
// move is a fresh approval of the new hash and a new fan-out is enqueued at
// the new time; otherwise it goes back to review, as any edit does.
//
// Returns EINVALID for a missing or past time, EBLACKOUT for a time in an
// electoral blackout window, EFORBIDDEN when the caller may not edit the
// post, ECONFLICT once it is publishing. Nothing is saved on error.
func (s *Service) Reschedule(ctx context.Context, id int64, in RescheduleInput) (*relais.Post, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Grants(m.Role, policy.PostReschedule) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not schedule posts.", m.Role)
	} else if in.ScheduledAt == nil || in.ScheduledAt.IsZero() {
		return nil, relais.FieldErrorf("scheduled_at", "A new time is required (RFC 3339).")
	}
	var p *relais.Post
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if p, err = s.movable(tx, m, id); err != nil {
			return err
		}
		return s.reschedule(ctx, tx, m, p, in.ScheduledAt.UTC())
	})
	return p, err
}

// movable loads a post m may move.
func (s *Service) movable(tx *store.Tx, m *relais.Member, id int64) (*relais.Post, error) {
	p, err := postToEdit(tx, m, id, "move")
	if err != nil {
		return nil, err
	} else if _, err := relais.PostTransition(p.State, relais.PostReschedule); err != nil {
		return nil, err
	}
	return p, nil
}

// reschedule sets p's time to at inside tx (see Reschedule).
func (s *Service) reschedule(ctx context.Context, tx *store.Tx, m *relais.Member, p *relais.Post, at time.Time) error {
	if at.Before(tx.Now()) {
		return relais.FieldErrorf("scheduled_at", "Scheduled time %s is in the past.", at.Format(time.RFC3339))
	}
	if b, err := tx.Blackout(); err != nil {
		return err
	} else if err := b.Refuse(at); err != nil {
		return err
	}
	from := "unscheduled"
	if p.ScheduledAt != nil {
		from = p.ScheduledAt.UTC().Format(time.RFC3339)
	}
	move := []string{"from", from, "to", at.Format(time.RFC3339)}
	detail := i18n.Code("history.moved", move...)
	approved := p.State == relais.PostApproved || p.State == relais.PostScheduled
	p.ScheduledAt = &at
	p.ContentHash = p.Hash()
	if p.State == relais.PostInReview || approved {
		if err := s.review(tx, p); err != nil {
			return err
		}
	}
	if approved {
		if err := s.dropFanOuts(ctx, tx, p.ID); err != nil {
			return err
		}
		return s.moveApproved(ctx, tx, m, p, at, move)
	}
	if err := tx.MovePost(p, relais.PostReschedule); err != nil {
		return err
	} else if err := tx.UpdatePost(p); err != nil {
		return err
	}
	s.announce(tx, relais.EventPostUpdated, p)
	return audit(tx, m, "post.reschedule", p, detail)
}

// moveApproved renews the approval of a moved post when m may approve it
// alone, and sends it back to review otherwise.
func (s *Service) moveApproved(ctx context.Context, tx *store.Tx, m *relais.Member, p *relais.Post, at time.Time, move []string) error {
	st, err := stageOf(tx, p)
	if err != nil {
		return err
	}
	may, err := mayApproveIn(tx, m, p)
	if err != nil {
		return err
	}
	// A move renews the approval only when the mover could approve alone
	// and nothing needed acknowledging (tone warnings go back to review).
	warned := p.Tone != nil && p.Tone.Verdict == "warn"
	if !may || len(st.second) > 0 || warned {
		if err := tx.MovePost(p, relais.PostReschedule); err != nil {
			return err
		} else if err := tx.UpdatePost(p); err != nil {
			return err
		}
		s.announce(tx, relais.EventPostSubmitted, p)
		return audit(tx, m, "post.reschedule", p, i18n.Code("history.moved_voided", move...))
	}
	detail := i18n.Code("history.moved_renewed", move...)
	if err := s.approveAndEnqueue(ctx, tx, m, p, relais.PostRenew, detail, at); err != nil {
		return err
	}
	s.announce(tx, relais.EventPostUpdated, p)
	return audit(tx, m, "post.reschedule", p, detail)
}
