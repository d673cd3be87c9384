package scheduler

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/email"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// testBundle is a migrated store with a scheduler whose connectors and
// mailer are in-memory fakes.
type testBundle struct {
	ctx    context.Context
	store  *store.Store
	sched  *Scheduler
	conn   *fakeConn
	mailer *fakeMailer
	author *relais.Member
}

func setup(t testing.TB, dialect string, cfg Config) *testBundle {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t, dialect)
	storetest.Must(t, Migrate(ctx, st))
	b := &testBundle{ctx: ctx, store: st, conn: &fakeConn{byKey: map[string]int{}}, mailer: &fakeMailer{}}
	cfg.Store, cfg.Connectors, cfg.Mailer = st, connectors.NewRegistry(b.conn), b.mailer
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	s, err := New(cfg)
	require.NoError(t, err)
	b.sched = s
	b.author = b.member(t, "cm@example.org", relais.RoleCommunityManager, "")
	return b
}

func (b *testBundle) member(t testing.TB, email string, role relais.Role, district string) *relais.Member {
	t.Helper()
	m := &relais.Member{Email: email, Name: email, Role: role, District: district, Lang: "fr"}
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error { return tx.CreateMember(m, "") }))
	return m
}

// accounts creates n accounts of kind on the fake platform.
func (b *testBundle) accounts(t testing.TB, n int, kind relais.OwnerKind, district string) []int64 {
	t.Helper()
	var ids []int64
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
		for i := 0; i < n; i++ {
			a := &relais.Account{Platform: relais.PlatformMastodon, Handle: fmt.Sprintf("%s%s%d", kind, district, len(ids)+i),
				OwnerKind: kind, District: district}
			if err := tx.CreateAccount(a, nil); err != nil {
				return err
			}
			ids = append(ids, a.ID)
		}
		return nil
	}))
	return ids
}

// scheduledPost inserts a post already approved and scheduled at `at`.
func (b *testBundle) scheduledPost(t testing.TB, targets []int64, at time.Time, variants map[relais.Platform]string) *relais.Post {
	t.Helper()
	p := &relais.Post{AuthorID: b.author.ID, Text: "Réunion publique ce soir à 19h", Variants: variants,
		Targets: targets, ScheduledAt: &at, State: relais.PostScheduled}
	p.ContentHash = p.Hash()
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error { return tx.CreatePost(p) }))
	return p
}

// job wraps args as River would hand them to a worker.
func job[T river.JobArgs](args T, attempt int) *river.Job[T] {
	return &river.Job[T]{JobRow: &rivertype.JobRow{Attempt: attempt, MaxAttempts: 25}, Args: args}
}

// fakeConn is an idempotent platform that records each publication with
// the store clock's time. fail, when set, decides whether a call fails.
type fakeConn struct {
	mu    sync.Mutex
	byKey map[string]int
	at    []time.Time
	first map[string]time.Time // key -> first publication (when now is set)
	now   func() time.Time
	fail  func() error
}

func (c *fakeConn) Platform() relais.Platform                      { return relais.PlatformMastodon }
func (c *fakeConn) Validate(connectors.Draft) []connectors.Problem { return nil }
func (c *fakeConn) HonoursIdempotencyKey() bool                    { return true }

func (c *fakeConn) Publish(_ context.Context, a relais.Account, d connectors.Draft, key string) (connectors.Receipt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fail != nil {
		if err := c.fail(); err != nil {
			return connectors.Receipt{}, err
		}
	}
	c.byKey[key]++
	if c.now != nil {
		c.at = append(c.at, c.now())
		if c.first == nil {
			c.first = map[string]time.Time{}
		}
		if _, ok := c.first[key]; !ok {
			c.first[key] = c.now()
		}
	}
	return connectors.Receipt{RemoteID: key, URL: "https://example.org/" + key}, nil
}

func (c *fakeConn) Lookup(context.Context, relais.Account, string) (connectors.Receipt, bool, error) {
	return connectors.Receipt{}, false, nil
}

// fakeMailer records share kits.
type fakeMailer struct {
	mu   sync.Mutex
	sent []email.Message
	at   []time.Time
	now  func() time.Time
}

func (m *fakeMailer) Send(_ context.Context, msg email.Message) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, msg)
	if m.now != nil {
		m.at = append(m.at, m.now())
	}
	return nil
}

func (m *fakeMailer) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.sent)
}
