// Package approval is relais's workflow: drafting, submitting, approving,
// rejecting and overriding posts. It checks every action against the
// caller's role (not only in the HTTP handlers), routes sensitive posts on
// the candidate's accounts to her (and alerts her live and by e-mail
// through a Notifier), runs the tone rules on every submit and edit, binds
// each approval to the exact content hash, enforces an optional second
// approval step per account, lets requests lapse at their scheduled time
// (ExpireDue), keeps threaded comments with mentions, refuses to schedule
// into electoral blackout windows, and writes every transition to the
// hash-chained audit log in the same transaction as the change.
package approval

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
)

// ToneChecker checks a text for one tone profile.
type ToneChecker interface {
	// Check returns "ok", "warn" or "block" and the violations as JSON.
	Check(text, profile string) (verdict string, violations json.RawMessage)
	// Signals reports what makes a post sensitive: it names an opponent,
	// makes a pledge, or quotes figures.
	Signals(text string) (opponent, pledge, figures bool)
}

// waker is implemented by an Enqueuer (the scheduler) that can run a job
// due now at once rather than at its next poll.
type waker interface{ Wake() }

// wakeAfter wakes the job queue once tx commits, so that a post approved
// for now is published at once.
func (s *Service) wakeAfter(tx *store.Tx) {
	if w, ok := s.jobs.(waker); ok {
		tx.AfterCommit(w.Wake)
	}
}

// Enqueuer schedules a post's fan-out inside the approving transaction.
type Enqueuer interface {
	EnqueueFanOut(ctx context.Context, tx *sql.Tx, postID int64, hash string, at time.Time) error
}

// Service runs the approval workflow.
type Service struct {
	store    *store.Store
	tone     ToneChecker
	jobs     Enqueuer
	events   relais.EventService
	notifier Notifier // optional: e-mails the candidate, second approvers, mentions

	connectors *connectors.Registry // optional: platform rules checked on submit

	links LinkShortener // optional: previews show the tracked short links (issue 15)

	videos VideoSource // optional: posts may carry a video (issue 17)

	allowPrivate bool // account URLs may name loopback and private addresses
}

// SetAllowPrivateNetworks lets account URLs and credentials name loopback
// and private addresses (RELAIS_ALLOW_PRIVATE_NETWORKS, the demo).
func (s *Service) SetAllowPrivateNetworks(allow bool) { s.allowPrivate = allow }

// New returns a workflow service. events may be nil.
func New(s *store.Store, tone ToneChecker, jobs Enqueuer, events relais.EventService) *Service {
	return &Service{store: s, tone: tone, jobs: jobs, events: events}
}

// caller returns the signed-in member or EUNAUTHORIZED.
func caller(ctx context.Context) (*relais.Member, error) {
	m := relais.MemberFromContext(ctx)
	if m == nil {
		return nil, relais.Errorf(relais.EUNAUTHORIZED, "Sign in first.")
	}
	return m, nil
}

// audit appends an entry for a post transition inside tx.
func audit(tx *store.Tx, m *relais.Member, action string, p *relais.Post, detail string) error {
	e := &relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: action, PostID: p.ID,
		ContentHash: p.ContentHash, Detail: detail}
	if action == "post.create" || action == "post.edit" {
		if err := tx.AddContributor(p.ID, m.ID); err != nil {
			return err
		}
	}
	return tx.AppendAudit(e)
}

// announce publishes an event once tx commits.
func (s *Service) announce(tx *store.Tx, typ string, p *relais.Post, audience ...relais.Role) {
	if s.events == nil {
		return
	}
	e := relais.Event{Type: typ, PostID: p.ID, State: string(p.State), At: tx.Now(), Audience: audience,
		Data: map[string]any{"approver": p.Routing.Approver, "text": excerpt(p.Text)}}
	tx.AfterCommit(func() { s.events.Publish(e) })
}

func excerpt(s string) string {
	r := []rune(s)
	if len(r) > 140 {
		return string(r[:139]) + "…"
	}
	return s
}
