package relaying

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/x"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// countingX stands for X's GET /2/users/:id/tweets
// (https://docs.x.com/x-api/posts/user-posts-timeline-by-user-id), which
// bills every post returned: no X server runs here, and the test is about
// how many reads relais allows itself, so it only counts the calls.
type countingX struct{ reads atomic.Int32 }

func (c *countingX) OwnPosts(_ context.Context, a relais.Account) ([]x.OwnPost, error) {
	c.reads.Add(1)
	return []x.OwnPost{{ID: fmt.Sprint(a.ID), Text: "Au marché", CreatedAt: time.Now()}}, nil
}

func (c *countingX) Repost(context.Context, relais.Account, string) error { return nil }

// TestXReadCapSharedByReplicas: two relais processes (two stores, each
// its own service and read cache) on one database list eight X colistiers
// at once; the day's cap of 50 reads lets X be asked 5 times in all
// (x.OwnPostsMax reads each), not 5 times per process.
func TestXReadCapSharedByReplicas(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		cfg := storetest.Config(t, dialect)
		ctx := context.Background()
		var stores []*store.Store
		for range 2 {
			s, err := store.Open(ctx, cfg)
			require.NoError(t, err)
			t.Cleanup(func() { s.Close() })
			require.NoError(t, s.Migrate(ctx))
			stores = append(stores, s)
		}
		editor := &relais.Member{Email: "web@x.fr", Name: "web", Role: relais.RoleEditor}
		storetest.Must(t, stores[0].Update(ctx, func(tx *store.Tx) error {
			for i := range 8 {
				a := &relais.Account{Platform: relais.PlatformX, Handle: fmt.Sprintf("col%d", i), OwnerKind: relais.OwnerColistier, BaseURL: "https://api.x.com"}
				if err := tx.CreateAccount(a, map[string]string{x.CredUserID: fmt.Sprint(100 + i)}); err != nil {
					return err
				}
			}
			return tx.CreateMember(editor, "")
		}))
		api := &countingX{}
		var capped atomic.Int32
		var wg sync.WaitGroup
		for _, s := range stores {
			wg.Add(1)
			go func() {
				defer wg.Done()
				svc := &Service{Store: s, Client: &Client{}, X: api, XDailyCap: 5 * x.OwnPostsMax}
				l, err := svc.List(relais.NewContextWithMember(ctx, editor))
				require.NoError(t, err)
				if l.XCapped {
					capped.Add(1)
				}
			}()
		}
		wg.Wait()
		require.EqualValues(t, 5, api.reads.Load(), "16 reads wanted, the shared cap allows 5")
		require.EqualValues(t, 2, capped.Load(), "each process reports the cap")
	})
}
