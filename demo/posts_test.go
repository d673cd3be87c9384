package demo_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/approval/tone"
	"github.com/relais/relais/demo"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// fanOuts records the fan-outs the approvals schedule (the scheduler's
// side is tested in package scheduler).
type fanOuts struct{ at map[int64]time.Time }

func (f *fanOuts) EnqueueFanOut(ctx context.Context, tx *sql.Tx, postID int64, hash string, at time.Time) error {
	f.at[postID] = at
	return nil
}

// TestSeedPostsEveryState: the demo's week has a post in every state a
// newcomer should see, made through the workflow under the demo's real
// tone rules, and seeding twice adds nothing.
func TestSeedPostsEveryState(t *testing.T) {
	s := storetest.Open(t, "sqlite")
	ctx := context.Background()
	_, err := demo.Seed(ctx, s, 0)
	require.NoError(t, err)
	cfg, err := tone.ParseConfig([]byte(demo.ToneConfig))
	require.NoError(t, err)
	e, err := tone.New(cfg)
	require.NoError(t, err)
	jobs := &fanOuts{at: map[int64]time.Time{}}
	svc := approval.New(s, approval.ToneRules{Checker: tone.NewChecker(e)}, jobs, nil)
	require.NoError(t, demo.SeedPosts(ctx, svc, s))
	states := map[relais.PostState]int{}
	var total int
	require.NoError(t, s.View(ctx, func(tx *store.Tx) error {
		ps, err := tx.Posts(store.PostFilter{})
		for _, p := range ps {
			states[p.State]++
		}
		total = len(ps)
		return err
	}))
	for _, st := range []relais.PostState{relais.PostDraft, relais.PostInReview, relais.PostChangesRequested, relais.PostRejected,
		relais.PostScheduled, relais.PostOutcomeUnknown} {
		require.NotZero(t, states[st], "no demo post in state %s (%v)", st, states)
	}
	require.Equal(t, 3, len(jobs.at), "two scheduled posts and one published at once")
	require.NoError(t, demo.SeedPosts(ctx, svc, s))
	require.NoError(t, s.View(ctx, func(tx *store.Tx) error {
		ps, err := tx.Posts(store.PostFilter{})
		require.Len(t, ps, total, "seeding again adds nothing")
		return err
	}))
}
