package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestTakeBudgetSharedByReplicas: two stores on one database (two
// relais processes) take from one day's cap at once, many workers each;
// together they take exactly the cap, never more, and the stored count
// is the cap.
func TestTakeBudgetSharedByReplicas(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		a, b := twoReplicas(t, storetest.Config(t, dialect))
		const n, limit = 5, 100
		var taken atomic.Int64
		var wg sync.WaitGroup
		for _, s := range []*store.Store{a, b} {
			for w := 0; w < 6; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; i < 10; i++ {
						var ok bool
						require.NoError(t, s.Update(ctx, func(tx *store.Tx) (err error) {
							ok, err = tx.TakeBudget("x", "2026-12-02", n, limit)
							return err
						}))
						if ok {
							taken.Add(n)
						}
					}
				}()
			}
		}
		wg.Wait()
		require.EqualValues(t, limit, taken.Load(), "120 takes of 5 against a cap of 100: exactly 20 granted")
		var stored int64
		require.NoError(t, a.DB().QueryRow(`SELECT calls FROM metrics_budget WHERE platform = 'x' AND day = '2026-12-02'`).Scan(&stored))
		require.EqualValues(t, limit, stored)
	})
}

// TestTakeBudgetRefusesOverCap: a take larger than what is left (or than
// the cap itself, on a new day) is refused and adds nothing; another day
// and another platform count apart.
func TestTakeBudgetRefusesOverCap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		take := func(platform, day string, n int64) bool {
			var ok bool
			storetest.Must(t, s.Update(context.Background(), func(tx *store.Tx) (err error) {
				ok, err = tx.TakeBudget(platform, day, n, 10)
				return err
			}))
			return ok
		}
		require.False(t, take("x", "2026-12-01", 11), "more than the cap on a fresh day")
		require.True(t, take("x", "2026-12-01", 7))
		require.False(t, take("x", "2026-12-01", 4), "7+4 > 10")
		require.True(t, take("x", "2026-12-01", 3))
		require.False(t, take("x", "2026-12-01", 1))
		require.True(t, take("x", "2026-12-02", 10), "a new day starts at zero")
		require.True(t, take("bluesky", "2026-12-01", 10), "platforms count apart")
		var stored int64
		storetest.Must(t, s.DB().QueryRow(`SELECT calls FROM metrics_budget WHERE platform = 'x' AND day = '2026-12-01'`).Scan(&stored))
		require.EqualValues(t, 10, stored)
	})
}
