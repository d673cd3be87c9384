package share_test

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/share"
	"github.com/relais/relais/store"
)

// TestReviewConcurrentSharePublishesOnce: two tabs (or a double tap)
// publishing the same suggestion at the same moment publish it once; the
// other gets a conflict. On PostgreSQL both transactions read "pending"
// before either writes, so the claim must be conditional on that state.
func TestReviewConcurrentSharePublishesOnce(t *testing.T) {
	t.Parallel()
	for round := 0; round < 5; round++ {
		f := setup(t, store.DialectPostgres, time.Now().Add(-time.Minute))
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = f.svc.Share(as(f.anne), f.sgA, share.ShareInput{Publish: true})
			}()
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
			} else {
				require.Equal(t, relais.ECONFLICT, relais.ErrorCode(err), "%v", err)
			}
		}
		require.Equal(t, 1, ok, "exactly one click wins")
		require.Len(t, f.conn.keys, 1, "the suggestion was published %d times", len(f.conn.keys))
	}
}
