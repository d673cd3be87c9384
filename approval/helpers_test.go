package approval_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// fakeTone blocks "honte", warns on "ridicule"; "Dupont" is an opponent,
// "je m'engage" a pledge and any digit a figure.
type fakeTone struct{}

func (fakeTone) Check(text, profile string) (string, json.RawMessage) {
	switch {
	case strings.Contains(text, "honte"):
		return "block", json.RawMessage(`[{"rule":"attack"}]`)
	case strings.Contains(text, "ridicule"):
		return "warn", json.RawMessage(`[{"rule":"ridicule"}]`)
	}
	return "ok", json.RawMessage(`[]`)
}

func (fakeTone) Signals(text string) (opponent, pledge, figures bool) {
	return strings.Contains(text, "Dupont"), strings.Contains(text, "je m'engage"), strings.ContainsAny(text, "0123456789")
}

// recorder fakes the job queue, the live events and the notifier.
type recorder struct {
	mu      sync.Mutex
	fanOuts []int64
	events  []relais.Event
	notes   []approval.Notification
}

func (r *recorder) EnqueueFanOut(ctx context.Context, tx *sql.Tx, postID int64, hash string, at time.Time) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fanOuts = append(r.fanOuts, postID)
	return nil
}

func (r *recorder) Publish(e relais.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, e)
}

func (r *recorder) Notify(ctx context.Context, n approval.Notification) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.notes = append(r.notes, n)
}

func (r *recorder) notifications(kind string) []approval.Notification {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []approval.Notification
	for _, n := range r.notes {
		if n.Kind == kind {
			out = append(out, n)
		}
	}
	return out
}

func (r *recorder) fanOutCount() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.fanOuts)
}

// testBundle is a workflow service on a fresh database with one member per
// role (two editors) and a candidate and a campaign account.
type testBundle struct {
	t         *testing.T
	store     *store.Store
	svc       *approval.Service
	rec       *recorder
	admin     *relais.Member
	editor    *relais.Member
	editor2   *relais.Member
	cm        *relais.Member
	candidate *relais.Member
	colistier *relais.Member
	anne      *relais.Account // the candidate's
	campaign  *relais.Account
}

func setup(t *testing.T, dialect string) *testBundle {
	t.Helper()
	s := storetest.Open(t, dialect)
	rec := &recorder{}
	b := &testBundle{t: t, store: s, rec: rec, svc: approval.New(s, fakeTone{}, rec, rec)}
	b.svc.SetNotifier(rec)
	require.NoError(t, s.Update(context.Background(), func(tx *store.Tx) error {
		for _, m := range []struct {
			dst   **relais.Member
			email string
			role  relais.Role
		}{{&b.admin, "admin@x.fr", relais.RoleAdmin}, {&b.editor, "web@x.fr", relais.RoleEditor},
			{&b.editor2, "web2@x.fr", relais.RoleEditor}, {&b.cm, "cm@x.fr", relais.RoleCommunityManager},
			{&b.candidate, "anne@x.fr", relais.RoleCandidate}, {&b.colistier, "col@x.fr", relais.RoleColistier}} {
			*m.dst = &relais.Member{Email: m.email, Name: strings.Split(m.email, "@")[0], Role: m.role}
			require.NoError(t, tx.CreateMember(*m.dst, ""))
		}
		b.anne = &relais.Account{Platform: relais.PlatformX, Handle: "anne", OwnerKind: relais.OwnerCandidate}
		b.campaign = &relais.Account{Platform: relais.PlatformX, Handle: "avecanne", OwnerKind: relais.OwnerCampaign}
		require.NoError(t, tx.CreateAccount(b.anne, nil))
		return tx.CreateAccount(b.campaign, nil)
	}))
	return b
}

// as returns a context signed in as m.
func as(m *relais.Member) context.Context {
	return relais.NewContextWithMember(context.Background(), m)
}

// MustSubmit creates and submits a post by author.
func (b *testBundle) MustSubmit(author *relais.Member, in approval.PostInput) *relais.Post {
	b.t.Helper()
	p, err := b.svc.CreatePost(as(author), in)
	require.NoError(b.t, err)
	p, err = b.svc.Submit(as(author), p.ID)
	require.NoError(b.t, err)
	return p
}

func (b *testBundle) post(text string, accounts ...*relais.Account) approval.PostInput {
	in := approval.PostInput{Text: text}
	for _, a := range accounts {
		in.Targets = append(in.Targets, approval.Target{ID: a.ID})
	}
	return in
}

// auditCount returns the number of audit entries.
func (b *testBundle) auditCount() int {
	b.t.Helper()
	var n int
	require.NoError(b.t, b.store.View(context.Background(), func(tx *store.Tx) error {
		es, err := tx.Audit(store.AuditFilter{Limit: 100000})
		n = len(es)
		return err
	}))
	return n
}

// lastAudit returns the last audit entry.
func (b *testBundle) lastAudit() relais.AuditEntry {
	b.t.Helper()
	var es []relais.AuditEntry
	require.NoError(b.t, b.store.View(context.Background(), func(tx *store.Tx) (err error) {
		es, err = tx.Audit(store.AuditFilter{Limit: 100000})
		return err
	}))
	require.NotEmpty(b.t, es)
	return es[len(es)-1]
}

func requireCode(t *testing.T, code string, err error) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, code, relais.ErrorCode(err), "error: %v", err)
}
