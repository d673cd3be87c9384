package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// twoReplicas opens two stores on the database of cfg, as two relais
// processes would, migrated once; both close at cleanup.
func twoReplicas(t *testing.T, cfg store.Config) (a, b *store.Store) {
	t.Helper()
	ctx := context.Background()
	a, err := store.Open(ctx, cfg)
	require.NoError(t, err)
	t.Cleanup(func() { a.Close() })
	require.NoError(t, a.Migrate(ctx))
	b, err = store.Open(ctx, cfg)
	require.NoError(t, err)
	t.Cleanup(func() { b.Close() })
	return a, b
}

// TestAuditAppendsFromReplicas: entries appended at once through two
// stores on one PostgreSQL database (two replicas), without any lock,
// end up in one intact chain once flushed, in the order they committed
// per appender; reading flushes first.
func TestAuditAppendsFromReplicas(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, b := twoReplicas(t, storetest.Config(t, store.DialectPostgres))
	var wg sync.WaitGroup
	for r, s := range []*store.Store{a, b} {
		for w := 0; w < 4; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 25; i++ {
					require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
						return tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "delivery.published", PostID: 1,
							Detail: fmt.Sprintf("replica %d worker %d entry %d", r, w, i)})
					}))
				}
			}()
		}
	}
	wg.Wait()
	require.NoError(t, b.View(ctx, func(tx *store.Tx) error {
		n, bad, err := tx.VerifyAudit()
		require.NoError(t, err)
		require.Zero(t, bad)
		require.Equal(t, 200, n, "every entry chained, none twice")
		return nil
	}))
	var pending int
	require.NoError(t, a.DB().QueryRow(`SELECT count(*) FROM audit_pending`).Scan(&pending))
	require.Zero(t, pending)
}

// TestSettlePostLastDeliverySettles: the post becomes published once its
// last delivery is, whichever settles first, and a settle that saw fewer
// deliveries never overwrites the final state.
func TestSettlePostLastDeliverySettles(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		ctx := context.Background()
		var post relais.Post
		var ds []*relais.Delivery
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
			author := &relais.Member{Email: "cm@example.org", Name: "CM", Role: relais.RoleCommunityManager, Lang: "fr"}
			if err := tx.CreateMember(author, ""); err != nil {
				return err
			}
			var accounts []int64
			for i := 0; i < 3; i++ {
				acc := &relais.Account{Platform: relais.PlatformMastodon, Handle: fmt.Sprintf("a%d", i), OwnerKind: relais.OwnerCampaign}
				if err := tx.CreateAccount(acc, map[string]string{"access_token": "t"}); err != nil {
					return err
				}
				accounts = append(accounts, acc.ID)
			}
			post = relais.Post{Text: "Réunion publique", State: relais.PostPublishing, Targets: accounts, AuthorID: author.ID}
			if err := tx.CreatePost(&post); err != nil {
				return err
			}
			var err error
			ds, err = tx.CreateDeliveries(post.ID, accounts, func(int64) string { return "k" })
			return err
		}))
		publish := func(d *relais.Delivery) {
			d.State = relais.DeliveryPublished
			require.NoError(t, s.Update(ctx, func(tx *store.Tx) error { return tx.UpdateDelivery(d) }))
		}
		publish(ds[0])
		state, err := s.SettlePost(ctx, post.ID)
		require.NoError(t, err)
		require.Equal(t, relais.PostPublishing, state)
		publish(ds[1])
		publish(ds[2])
		state, err = s.SettlePost(ctx, post.ID)
		require.NoError(t, err)
		require.Equal(t, relais.PostPublished, state)
		ds[2].State = relais.DeliveryFailed // a late, stale view cannot move a settled post
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error { return tx.UpdateDelivery(ds[2]) }))
		_, err = s.SettlePost(ctx, post.ID)
		require.NoError(t, err)
		require.NoError(t, s.View(ctx, func(tx *store.Tx) error {
			p, err := tx.PostByID(post.ID)
			require.Equal(t, relais.PostPublished, p.State, "written only over publishing")
			return err
		}))
	})
}

// TestConnectionBudget: the budget splits RELAIS_DB_MAX_CONNS, refuses
// too small a one, and a replica asking for more connections than
// PostgreSQL has free is refused with a message saying what to change.
func TestConnectionBudget(t *testing.T) {
	t.Parallel()
	b, err := store.NewBudget(0)
	require.NoError(t, err)
	require.Equal(t, store.DefaultMaxConns, b.SQL+b.River+b.Listen)
	_, err = store.NewBudget(3)
	require.ErrorContains(t, err, "RELAIS_DB_MAX_CONNS must be at least")
	cfg := storetest.Config(t, store.DialectPostgres)
	cfg.MaxConns = 100000
	s, err := store.Open(context.Background(), cfg)
	require.NoError(t, err)
	defer s.Close()
	err = s.CheckConnections(context.Background())
	require.ErrorContains(t, err, "free connections")
	require.ErrorContains(t, err, "RELAIS_DB_MAX_CONNS")
	cfg.MaxConns = 0
	ok, err := store.Open(context.Background(), cfg)
	require.NoError(t, err)
	defer ok.Close()
	require.NoError(t, ok.CheckConnections(context.Background()))
}
