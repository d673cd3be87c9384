package approval

import (
	"context"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// ApproveInput is an approver's decision.
type ApproveInput struct {
	ContentHash         string `json:"content_hash"`
	Comment             string `json:"comment,omitempty"`
	AcknowledgeWarnings bool   `json:"acknowledge_warnings,omitempty"`
}

// Approve approves the exact content named by in.ContentHash and schedules
// the post's fan-out at its time (or at once) in the same transaction. When
// a target account has a second approval step, the first approval is
// recorded and the post stays in review until the second approver (another
// person) approves the same hash.
//
// Returns EFORBIDDEN for the author or a member the routing (or the step)
// excludes, ECONFLICT for a stale hash, a wrong state or an expired
// request, EINVALID when tone warnings are not acknowledged, EBLACKOUT
// inside an electoral blackout window.
func (s *Service) Approve(ctx context.Context, id int64, in ApproveInput) (*relais.Post, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	var p *relais.Post
	var expired bool
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		var st *stage
		if p, st, err = s.decidable(tx, m, id, in.ContentHash, relais.PostApprove); err != nil {
			return err
		} else if w, err := wrote(tx, m, p); err != nil {
			return err
		} else if w {
			return errWrote
		}
		if p.Tone != nil && p.Tone.Verdict == "block" && !p.Tone.Overridden {
			return &relais.Error{Code: relais.EBLOCKED, Field: "text", Key: "error.tone_blocked_approve",
				Message: "The tone rules block this post: only an admin may override."}
		}
		if p.Tone != nil && p.Tone.Verdict == "warn" && !in.AcknowledgeWarnings {
			return &relais.Error{Code: relais.EINVALID, Field: "acknowledge_warnings", Key: "error.acknowledge_warnings",
				Message: "This post carries tone warnings: acknowledge them to approve."}
		}
		at := tx.Now()
		if p.ScheduledAt != nil {
			if p.ScheduledAt.Before(tx.Now()) {
				expired = true
				return s.expire(tx, p)
			}
			at = *p.ScheduledAt
		}
		if b, err := tx.Blackout(); err != nil {
			return err
		} else if err := b.Refuse(at); err != nil {
			return err
		}
		if !st.final(m) {
			return s.approveStep(tx, m, p, st, in)
		}
		return s.approve(ctx, tx, m, p, in, at)
	})
	if err == nil && expired {
		return p, relais.Errorf(relais.ECONFLICT, "The approval request expired at the scheduled time (%s): reschedule the post.",
			p.ScheduledAt.UTC().Format(time.RFC3339))
	}
	return p, err
}

func (s *Service) approve(ctx context.Context, tx *store.Tx, m *relais.Member, p *relais.Post, in ApproveInput, at time.Time) error {
	if err := s.approveAndEnqueue(ctx, tx, m, p, relais.PostApprove, strings.TrimSpace(in.Comment), at); err != nil {
		return err
	}
	key := "history.scheduled"
	if in.AcknowledgeWarnings && p.Tone != nil && p.Tone.Verdict == "warn" {
		key = "history.scheduled_ack"
	}
	detail := i18n.Code(key, "at", at.UTC().Format(time.RFC3339))
	s.announce(tx, relais.EventPostApproved, p)
	return audit(tx, m, "post.approve", p, detail)
}

// approveAndEnqueue records m's approval of p's content, moves p by ev
// (approve, renew), saves it and enqueues its fan-out at at, waking the
// scheduler after the commit.
func (s *Service) approveAndEnqueue(ctx context.Context, tx *store.Tx, m *relais.Member, p *relais.Post,
	ev relais.PostEvent, comment string, at time.Time) error {
	if err := decide(tx, m, p, ev, DecisionApproved, comment); err != nil {
		return err
	}
	if err := s.jobs.EnqueueFanOut(ctx, tx.SQL(), p.ID, p.ContentHash, at); err != nil {
		return err
	}
	s.wakeAfter(tx)
	return nil
}

// decide records m's decision on p's content and moves p by ev, saving it.
func decide(tx *store.Tx, m *relais.Member, p *relais.Post, ev relais.PostEvent, decision, comment string) error {
	if err := tx.AddApproval(&relais.Approval{PostID: p.ID, MemberID: m.ID, Decision: decision,
		ContentHash: p.ContentHash, Comment: comment}); err != nil {
		return err
	}
	if err := tx.MovePost(p, ev); err != nil {
		return err
	}
	return tx.UpdatePost(p)
}

// decidable loads a post in review that m may decide on now, bound to
// hash, with its approval stage; ev (approve, reject, request_changes)
// must be a transition of the post's state.
func (s *Service) decidable(tx *store.Tx, m *relais.Member, id int64, hash string, ev relais.PostEvent) (*relais.Post, *stage, error) {
	p, err := tx.PostForUpdate(id)
	if err != nil {
		return nil, nil, err
	} else if !policy.Grants(m.Role, policy.PostApprove) {
		return nil, nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not approve posts.", m.Role)
	} else if _, err := relais.PostTransition(p.State, ev); err != nil {
		return nil, nil, err
	} else if m.ID == p.AuthorID {
		return nil, nil, relais.Errorf(relais.EFORBIDDEN, "Nobody approves their own post.")
	}
	st, err := stageOf(tx, p)
	if err != nil {
		return nil, nil, err
	} else if err := st.refusal(m, p); err != nil {
		return nil, nil, err
	} else if hash == "" {
		return nil, nil, relais.FieldErrorf("content_hash", "content_hash is required: it binds the decision to what you read.").With("error.hash_required")
	} else if hash != p.ContentHash {
		return nil, nil, &relais.Error{Code: relais.ECONFLICT, Field: "content_hash", Message: "The post changed since you read it: reload and review it again.", Key: "error.hash_stale"}
	}
	return p, st, nil
}

// expire marks a post whose approval request outlived its scheduled time.
func (s *Service) expire(tx *store.Tx, p *relais.Post) error {
	if err := tx.MovePost(p, relais.PostExpire); err != nil {
		return err
	}
	s.announce(tx, relais.EventPostUpdated, p)
	return tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "post.expire", PostID: p.ID,
		ContentHash: p.ContentHash, Detail: i18n.Code("history.expire")})
}
