package scheduler

import (
	"context"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// markStuck makes job id look like one a killed process left running,
// attempted at `at`.
func markStuck(t *testing.T, b *testBundle, id int64, at time.Time) {
	q, arg := `UPDATE river_job SET state = 'running', finalized_at = NULL, attempt = 1, attempted_at = `, any(at.UTC())
	if b.store.Dialect() == store.DialectPostgres {
		q += "$1 WHERE id = $2"
	} else {
		q, arg = q+"? WHERE id = ?", at.UTC().Format("2006-01-02 15:04:05.000")
	}
	_, err := b.store.DB().ExecContext(b.ctx, q, arg, id)
	require.NoError(t, err)
}

// TestStuckJobRescuedAtRescueAfter: a job left running by a dead process
// runs again about RescueAfter after its attempt (the rescue loop runs
// every RescueAfter/4), not after River's rescuer's next 30-second tick; a
// job attempted more recently is left alone.
func TestStuckJobRescuedAtRescueAfter(t *testing.T) {
	for _, dialect := range storetest.Dialects {
		t.Run(dialect, func(t *testing.T) {
			b := setup(t, dialect, Config{RescueAfter: 2 * time.Second})
			recent, err := b.sched.client.Insert(b.ctx, WakeArgs{}, nil)
			require.NoError(t, err)
			markStuck(t, b, recent.Job.ID, time.Now())
			n, err := rescueStuckJobs(b.ctx, b.store, time.Now().Add(-time.Minute))
			require.NoError(t, err)
			require.Zero(t, n, "a job attempted a second ago is not stuck")

			ctx, cancel := context.WithCancel(b.ctx)
			defer cancel()
			require.NoError(t, b.sched.Start(ctx))
			defer b.sched.Stop(context.Background())
			time.Sleep(1500 * time.Millisecond) // past River's own rescuer's first run
			ins, err := b.sched.client.Insert(b.ctx, WakeArgs{}, &river.InsertOpts{MaxAttempts: 5})
			require.NoError(t, err)
			require.Eventually(t, func() bool { return jobState(t, b, ins.Job.ID) == rivertype.JobStateCompleted }, 5*time.Second, 20*time.Millisecond)
			markStuck(t, b, ins.Job.ID, time.Now().Add(-3*time.Second))
			start := time.Now()
			require.Eventually(t, func() bool {
				j, err := b.sched.client.JobGet(b.ctx, ins.Job.ID)
				return err == nil && j.State == rivertype.JobStateCompleted && j.Attempt == 2
			}, 10*time.Second, 20*time.Millisecond, "the stuck job ran again")
			require.Less(t, time.Since(start), 5*time.Second, "rescued at --rescue-after, not at River's 30-second tick")
		})
	}
}

func jobState(t *testing.T, b *testBundle, id int64) rivertype.JobState {
	j, err := b.sched.client.JobGet(b.ctx, id)
	require.NoError(t, err)
	return j.State
}
