package scheduler

import (
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestCancelFanOuts cancels a post's pending fan-out and leaves another
// post's alone.
func TestCancelFanOuts(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect, Config{})
		acc := b.accounts(t, 1, relais.OwnerCampaign, "")
		at := b.store.Now().Add(time.Hour)
		p, q := b.scheduledPost(t, acc, at, nil), b.scheduledPost(t, acc, at, nil)
		var n int
		storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) (err error) {
			for _, x := range []*relais.Post{p, q} {
				if err := b.sched.EnqueueFanOut(b.ctx, tx.SQL(), x.ID, x.ContentHash, at); err != nil {
					return err
				}
			}
			n, err = b.sched.CancelFanOuts(b.ctx, tx.SQL(), p.ID)
			return err
		}))
		require.Equal(t, 1, n)
		res, err := b.sched.client.JobList(b.ctx, river.NewJobListParams().Kinds("fan_out").States(rivertype.JobStateScheduled))
		require.NoError(t, err)
		require.Len(t, res.Jobs, 1, "the other post's job stays")
	})
}
