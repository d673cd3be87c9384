package scheduler

import (
	"context"
	"time"

	"github.com/riverqueue/river"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// KitDigestArgs sends the supporters' digests of one day.
type KitDigestArgs struct {
	Day string `json:"day"`
}

// Kind implements river.JobArgs.
func (KitDigestArgs) Kind() string { return "supporters_digest" }

// KitDigestWorker runs the daily supporters' digest job.
type KitDigestWorker struct {
	river.WorkerDefaults[KitDigestArgs]
	s *Scheduler
}

// kitDigestJob is the periodic job, unique per day across replicas (the
// sender's protocol keeps each digest to one e-mail even when it runs
// twice).
func kitDigestJob(loc *time.Location) *river.PeriodicJob {
	return river.NewPeriodicJob(schedule(loc, KitDigestAt), func() (river.JobArgs, *river.InsertOpts) {
		day := time.Now().In(loc).Format("2006-01-02")
		return KitDigestArgs{Day: day}, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
	}, &river.PeriodicJobOpts{ID: "supporters_digest"})
}

// Work sends the digests, outside blackout windows.
func (w *KitDigestWorker) Work(ctx context.Context, job *river.Job[KitDigestArgs]) error {
	if w.s.cfg.Kits == nil {
		return nil
	}
	var b relais.Blackout
	if err := w.s.cfg.Store.View(ctx, func(tx *store.Tx) (err error) { b, err = tx.Blackout(); return err }); err != nil {
		return err
	}
	if in, until := b.At(w.s.cfg.Store.Now()); in {
		return river.JobSnooze(until.Sub(w.s.cfg.Store.Now()))
	}
	return w.s.cfg.Kits.SendDigests(ctx)
}
