package video

import (
	"context"
	"os"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// TestQuotaHoldsUnderConcurrentCreates: ten uploads of 300 KB started at
// once by one member against a 1 MB quota: three fit, the others are
// refused with the limit named, and only three records exist.
func TestQuotaHoldsUnderConcurrentCreates(t *testing.T) {
	dir := t.TempDir()
	us, err := NewUploads(dir)
	require.NoError(t, err)
	us.MaxHeldBytes = 1 << 20
	ctx := as(7, relais.RoleCommunityManager)
	var ok atomic.Int32
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := us.Create(ctx, "a.mp4", 300<<10); err == nil {
				ok.Add(1)
			} else if relais.ErrorCode(err) == relais.ETOOLARGE {
				require.Contains(t, err.Error(), "1.0 MB")
			}
		}()
	}
	wg.Wait()
	require.EqualValues(t, 3, ok.Load())
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, es, 6, "three records and their files")
}

// TestQuotaCountsOnlyUnattached: complete uploads a post carries do not
// count; unfinished ones count their full size; other members' never.
func TestQuotaCountsOnlyUnattached(t *testing.T) {
	us, err := NewUploads(t.TempDir())
	require.NoError(t, err)
	us.MaxHeldBytes = 1 << 20
	attached := map[string]bool{}
	us.Attached = func(_ context.Context, ids []string) (map[string]bool, error) { return attached, nil }
	ctx := as(7, relais.RoleCommunityManager)
	u, err := us.Create(ctx, "a.mp4", 900<<10)
	require.NoError(t, err)
	_, err = us.Create(ctx, "b.mp4", 200<<10)
	require.Equal(t, relais.ETOOLARGE, relais.ErrorCode(err), "900 KB on their way count")
	_, err = us.Create(as(8, relais.RoleCommunityManager), "c.mp4", 900<<10)
	require.NoError(t, err)
	attached[u.ID] = true
	_, err = us.Create(ctx, "b.mp4", 200<<10)
	require.Equal(t, relais.ETOOLARGE, relais.ErrorCode(err), "an unfinished upload is never attached")
	u.SHA256 = "done"
	require.NoError(t, us.save(u))
	_, err = us.Create(ctx, "b.mp4", 200<<10)
	require.NoError(t, err, "complete and attached: it no longer counts")
}
