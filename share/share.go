// Package share runs colistiers' inboxes and supporters' share kits: it
// lists a member's share suggestions with their one-click share links,
// records a share (publishing on the member's own connected account when
// asked, after re-checking an edited text's tone) or a decline, counts
// what each member shared, and sums sharing by district for the map.
// Every action checks the caller in this package, not only in handlers: a
// member sees and acts only on her own suggestions.
package share

import (
	"context"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
)

// Suggestion states.
const (
	StatePending  = "pending"
	StateShared   = "shared"
	StateDeclined = "declined"
	// StateUnknown: a one-click publication whose outcome is unknown (a
	// timeout after sending): it may be online, so it is never sent again.
	StateUnknown = "outcome_unknown"
)

// Audit actions written by this package.
const (
	ActionShared      = "suggestion.shared"
	ActionDeclined    = "suggestion.declined"
	ActionShareFailed = "suggestion.share_failed"
)

// Publisher finds the connector that publishes to an account (the
// connector registry).
type Publisher interface {
	For(a relais.Account) (connectors.Connector, error)
}

// Service runs the inboxes.
type Service struct {
	store  *store.Store
	tone   approval.ToneChecker
	pub    Publisher
	events relais.EventService

	districts districtCache
}

// New returns a share service. pub may be nil (no one-click publishing),
// and so may events.
func New(s *store.Store, tone approval.ToneChecker, pub Publisher, events relais.EventService) *Service {
	return &Service{store: s, tone: tone, pub: pub, events: events}
}

// caller returns the signed-in member or EUNAUTHORIZED.
func caller(ctx context.Context) (*relais.Member, error) {
	m := relais.MemberFromContext(ctx)
	if m == nil {
		return nil, relais.Errorf(relais.EUNAUTHORIZED, "Sign in first.")
	}
	return m, nil
}

// weekStart returns Monday 00:00 of the week holding t, in loc (the
// campaign's).
func weekStart(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	d := (int(t.Weekday()) + 6) % 7
	return time.Date(t.Year(), t.Month(), t.Day()-d, 0, 0, 0, 0, t.Location())
}

// ownAccount returns the member's first active account, or nil.
func ownAccount(tx *store.Tx, m *relais.Member) (*relais.Account, error) {
	all, err := tx.Accounts()
	if err != nil {
		return nil, err
	}
	var fallback *relais.Account
	for _, a := range all {
		if a.OwnerMemberID != m.ID || a.OwnerKind != relais.OwnerColistier {
			continue
		}
		if a.Status == relais.AccountActive || a.Status == "" {
			return a, nil
		}
		if fallback == nil {
			fallback = a
		}
	}
	return fallback, nil
}

// announce publishes a suggestion event to its member's colleagues once
// tx commits (colistiers and the web team see inbox activity live).
func (s *Service) announce(tx *store.Tx, sg *relais.Suggestion, m *relais.Member) {
	tx.AfterCommit(s.districts.reset)
	if s.events == nil {
		return
	}
	e := relais.Event{Type: "suggestion.updated", PostID: sg.PostID, State: sg.State, At: tx.Now(),
		Data:     map[string]any{"suggestion_id": sg.ID, "member_id": m.ID, "district": m.District},
		Audience: []relais.Role{relais.RoleAdmin, relais.RoleEditor, relais.RoleCommunityManager, relais.RoleColistier}}
	tx.AfterCommit(func() { s.events.Publish(e) })
}
