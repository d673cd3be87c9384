package scheduler

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/riverqueue/river/rivertype"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/sandbox"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// immediate is a running scheduler publishing to the sandbox connector.
type immediate struct {
	*testBundle
	targets []int64
}

func startImmediate(t testing.TB, dialect string, accounts int) *immediate {
	tb := setup(t, dialect, Config{})
	sb, err := sandbox.New(filepath.Join(t.TempDir(), "sandbox.jsonl"), "http://127.0.0.1")
	require.NoError(t, err)
	tb.sched.cfg.Connectors = connectors.NewRegistry(sb)
	im := &immediate{testBundle: tb}
	storetest.Must(t, tb.store.Update(tb.ctx, func(tx *store.Tx) error {
		for i := 0; i < accounts; i++ {
			a := &relais.Account{Platform: relais.PlatformBluesky, Handle: "sb" + string(rune('a'+i)), OwnerKind: relais.OwnerCampaign, BaseURL: connectors.SandboxURL}
			if err := tx.CreateAccount(a, nil); err != nil {
				return err
			}
			im.targets = append(im.targets, a.ID)
		}
		return nil
	}))
	ctx, cancel := context.WithCancel(tb.ctx)
	require.NoError(t, tb.sched.Start(ctx))
	t.Cleanup(func() {
		stop, c := context.WithTimeout(context.Background(), 10*time.Second)
		defer c()
		_ = tb.sched.Stop(stop)
		cancel()
	})
	return im
}

// approveNow does what approval.Approve does for a post without a date:
// the post becomes scheduled at now, its fan-out is enqueued in the same
// transaction, and the queue is woken after the commit. It returns the
// post's id.
func (im *immediate) approveNow(t testing.TB) int64 {
	var id int64
	storetest.Must(t, im.store.Update(im.ctx, func(tx *store.Tx) error {
		now := time.Now().UTC()
		p := &relais.Post{AuthorID: im.author.ID, Text: "Réunion publique ce soir", Targets: im.targets, ScheduledAt: &now, State: relais.PostScheduled}
		p.ContentHash = p.Hash()
		if err := tx.CreatePost(p); err != nil {
			return err
		}
		id = p.ID
		if err := im.sched.EnqueueFanOut(im.ctx, tx.SQL(), p.ID, p.ContentHash, now); err != nil {
			return err
		}
		tx.AfterCommit(im.sched.Wake)
		return nil
	}))
	return id
}

// waitPublished waits until every delivery of post id is published and
// returns how long that took.
func (im *immediate) waitPublished(t testing.TB, id int64, start time.Time, limit time.Duration) time.Duration {
	for time.Since(start) < limit {
		var ds []*relais.Delivery
		storetest.Must(t, im.store.View(im.ctx, func(tx *store.Tx) (err error) {
			ds, err = tx.Deliveries(id)
			return err
		}))
		if len(ds) == len(im.targets) && !slices.ContainsFunc(ds, func(d *relais.Delivery) bool { return d.State != relais.DeliveryPublished }) {
			return time.Since(start)
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("post %d not published within %s", id, limit)
	return 0
}

// TestApprovedNowIsRunnableAndPublishedAtOnce: a fan-out due now is
// inserted runnable (not "scheduled", which River promotes only every
// 5 s), and the post's sandbox deliveries are published well before that
// promotion would have run it (the speed target itself is
// BenchmarkApproveToPublished's).
func TestApprovedNowIsRunnableAndPublishedAtOnce(t *testing.T) {
	for _, dialect := range storetest.Dialects {
		t.Run(dialect, func(t *testing.T) {
			im := startImmediate(t, dialect, 3)
			start := time.Now()
			id := im.approveNow(t)
			took := im.waitPublished(t, id, start, 4*time.Second)
			t.Logf("approve → 3 deliveries published in %s", took)
			jobs, err := im.sched.client.JobList(im.ctx, nil)
			require.NoError(t, err)
			for _, j := range jobs.Jobs {
				require.NotEqual(t, rivertype.JobStateScheduled, j.State, "job %s", j.Kind)
			}
			require.Nil(t, fanOutOpts(time.Now()), "due now: runnable")
			require.NotNil(t, fanOutOpts(time.Now().Add(time.Hour)), "due later: scheduled")
		})
	}
}

// BenchmarkApproveToPublished approves 50 posts without a date, one after
// the other, on 3 sandbox accounts each, with the default scheduler
// configuration, and reports the time from the approval's commit to the
// last of its deliveries published: p50 and p99 (targets 0.5 s and 1 s).
func BenchmarkApproveToPublished(b *testing.B) {
	for _, dialect := range storetest.Dialects {
		b.Run(dialect, func(b *testing.B) {
			for b.Loop() {
				im := startImmediate(b, dialect, 3)
				im.waitPublished(b, im.approveNow(b), time.Now(), 10*time.Second) // warm up
				var took []time.Duration
				for range 50 {
					start := time.Now()
					took = append(took, im.waitPublished(b, im.approveNow(b), start, 10*time.Second))
				}
				slices.Sort(took)
				b.ReportMetric(took[len(took)/2].Seconds(), "p50_s")
				b.ReportMetric(took[len(took)*99/100].Seconds(), "p99_s")
				b.ReportMetric(took[len(took)-1].Seconds(), "max_s")
			}
		})
	}
}
