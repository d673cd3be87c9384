package scheduler

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// backlog is the number of future fan-outs in the queue during the
// lateness benchmark (RELAIS_BENCH_BACKLOG, default 100,000).
func backlog() int {
	if n, err := strconv.Atoi(os.Getenv("RELAIS_BENCH_BACKLOG")); err == nil {
		return n
	}
	return 100_000
}

// BenchmarkScheduledLateness fills the queue with a backlog of fan-outs
// scheduled over the next 30 days, then schedules 100 probe posts (2
// accounts each) every 150 ms from 2 s ahead, runs the River client and
// reports how late each probe was published (first publication minus
// scheduled time): p50, p99 and max, and the number of double
// publications (must be 0).
func BenchmarkScheduledLateness(b *testing.B) {
	for _, dialect := range storetest.Dialects {
		b.Run(dialect, func(b *testing.B) {
			for b.Loop() {
				lateness(b, dialect)
			}
		})
	}
}

func lateness(b *testing.B, dialect string) {
	tb := setup(b, dialect, Config{})
	tb.conn.now = time.Now
	fillBacklog(b, tb, backlog())
	targets := tb.accounts(b, 2, relais.OwnerCampaign, "")
	due := map[int64]time.Time{}
	start := time.Now().Add(2 * time.Second)
	storetest.Must(b, tb.store.Update(tb.ctx, func(tx *store.Tx) error {
		for i := 0; i < 100; i++ {
			at := start.Add(time.Duration(i) * 150 * time.Millisecond).UTC()
			p := &relais.Post{AuthorID: tb.author.ID, Text: "probe", Targets: targets, ScheduledAt: &at, State: relais.PostScheduled}
			p.ContentHash = p.Hash()
			if err := tx.CreatePost(p); err != nil {
				return err
			}
			due[p.ID] = at
			if err := tb.sched.EnqueueFanOut(tb.ctx, tx.SQL(), p.ID, p.ContentHash, at); err != nil {
				return err
			}
		}
		return nil
	}))
	storetest.Must(b, tb.sched.Start(tb.ctx))
	deadline := time.Now().Add(90 * time.Second)
	for tb.published() < 200 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	storetest.Must(b, tb.sched.Stop(tb.ctx))
	report(b, tb, due)
}

// fillBacklog enqueues n fan-outs of a nonexistent post spread over the
// next 30 days, in batches of 5,000.
func fillBacklog(b *testing.B, tb *testBundle, n int) {
	for done := 0; done < n; {
		batch := make([]river.InsertManyParams, 0, 5000)
		for ; done < n && len(batch) < 5000; done++ {
			at := time.Now().Add(time.Hour + time.Duration(rand.Int64N(int64(30*24*time.Hour))))
			batch = append(batch, river.InsertManyParams{Args: FanOutArgs{PostID: int64(1_000_000 + done), ContentHash: "x"},
				InsertOpts: &river.InsertOpts{ScheduledAt: at}})
		}
		storetest.Must(b, tb.store.Update(tb.ctx, func(tx *store.Tx) error {
			_, err := tb.sched.client.InsertManyFastTx(tb.ctx, tx.SQL(), batch)
			return err
		}))
	}
}

func (tb *testBundle) published() int {
	tb.conn.mu.Lock()
	defer tb.conn.mu.Unlock()
	return len(tb.conn.byKey)
}

func report(b *testing.B, tb *testBundle, due map[int64]time.Time) {
	tb.conn.mu.Lock()
	defer tb.conn.mu.Unlock()
	late, twice := map[int64]time.Duration{}, 0
	for key, at := range tb.conn.first {
		var id int64
		fmt.Sscanf(key, "relais-%d-", &id)
		if d := at.Sub(due[id]); late[id] == 0 || d < late[id] {
			late[id] = d
		}
		if tb.conn.byKey[key] > 1 {
			twice++
		}
	}
	var ds []time.Duration
	for _, d := range late {
		ds = append(ds, d)
	}
	if len(ds) < len(due) {
		b.Fatalf("only %d of %d probe posts published", len(ds), len(due))
	}
	slices.Sort(ds)
	b.ReportMetric(float64(ds[len(ds)/2].Milliseconds()), "p50-ms")
	b.ReportMetric(float64(ds[len(ds)*99/100].Milliseconds()), "p99-ms")
	b.ReportMetric(float64(ds[len(ds)-1].Milliseconds()), "max-ms")
	b.ReportMetric(float64(twice), "fired-twice")
}
