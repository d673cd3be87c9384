package share

import (
	"context"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/intent"
	"github.com/relais/relais/store"
)

// Item is one suggestion in an inbox, with its share links.
type Item struct {
	*relais.Suggestion
	Due   bool          `json:"due"` // its staggered time has come
	Links []intent.Link `json:"links"`
}

// Inbox is a member's share suggestions.
type Inbox struct {
	Items []Item `json:"suggestions"`
	// Account is the member's connected account for one-click publishing,
	// nil when she has none.
	Account        *relais.Account `json:"account,omitempty"`
	SharedThisWeek int             `json:"shared_this_week"`
	Blackout       bool            `json:"blackout"` // an electoral blackout holds every share now
}

// Inbox returns the signed-in member's suggestions, pending first then the
// most recent, with share links and the count of her shares this week.
func (s *Service) Inbox(ctx context.Context) (*Inbox, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	in := &Inbox{Items: []Item{}}
	err = s.store.View(ctx, func(tx *store.Tx) error {
		ss, err := tx.MemberSuggestions(m.ID)
		if err != nil {
			return err
		}
		if in.Account, err = ownAccount(tx, m); err != nil {
			return err
		}
		b, err := tx.Blackout()
		if err != nil {
			return err
		}
		now := tx.Now()
		in.Blackout, _ = b.At(now)
		instance := ""
		if in.Account != nil && in.Account.Platform == relais.PlatformMastodon {
			instance = mastodonHost(in.Account)
		}
		var done []Item
		for _, sg := range ss {
			it := Item{Suggestion: sg, Due: !now.Before(sg.NotBefore), Links: intent.Links(sg.Text, "", instance)}
			if sg.State == StatePending {
				in.Items = append(in.Items, it)
			} else {
				done = append(done, it)
			}
		}
		in.Items = append(in.Items, done...)
		in.SharedThisWeek, err = sharedSince(tx, m.ID, weekStart(now, tx.Location()))
		return err
	})
	return in, err
}

// sharedSince counts the member's shares recorded in the audit log since
// t (a share whose publication failed is claimed, then given back).
func sharedSince(tx *store.Tx, memberID int64, t time.Time) (int, error) {
	n, after := 0, int64(0)
	for {
		es, err := tx.Audit(store.AuditFilter{From: &t, AfterID: after, Limit: 1000})
		if err != nil {
			return 0, err
		}
		for _, e := range es {
			if e.ActorID == memberID {
				n += shareDelta(e.Action)
			}
			after = e.ID
		}
		if len(es) < 1000 {
			return n, nil
		}
	}
}

// shareDelta is what an audit action adds to a share count.
func shareDelta(action string) int {
	switch action {
	case ActionShared:
		return 1
	case ActionShareFailed:
		return -1
	}
	return 0
}

// mastodonHost returns the instance of a Mastodon handle user@host.
func mastodonHost(a *relais.Account) string {
	if _, host, ok := strings.Cut(a.Handle, "@"); ok {
		return host
	}
	return ""
}

// suggestionFor loads suggestion id if it belongs to m. Another member's
// suggestion is reported as not found, so that ids cannot be probed.
func suggestionFor(tx *store.Tx, m *relais.Member, id int64) (*relais.Suggestion, error) {
	sg, err := tx.SuggestionByID(id)
	if err != nil {
		return nil, err
	} else if sg.MemberID != m.ID {
		return nil, relais.Errorf(relais.ENOTFOUND, "Suggestion %d not found.", id)
	}
	return sg, nil
}

// Pending counts the suggestions still waiting for a share or a decline.
func (in *Inbox) Pending() int {
	n := 0
	for _, it := range in.Items {
		if it.State == StatePending {
			n++
		}
	}
	return n
}
