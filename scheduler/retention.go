package scheduler

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
)

// Retainer deletes the contacts kept past their retention
// (*supporters.Service).
type Retainer interface {
	Retain(ctx context.Context) (int, error)
}

// RetentionArgs runs the supporters' retention of one day.
type RetentionArgs struct {
	Day string `json:"day"`
}

// Kind implements river.JobArgs.
func (RetentionArgs) Kind() string { return "supporters_retention" }

// RetentionWorker runs the daily retention job.
type RetentionWorker struct {
	river.WorkerDefaults[RetentionArgs]
	s *Scheduler
}

// retentionJob is the periodic job, unique per day across replicas.
func retentionJob(loc *time.Location) *river.PeriodicJob {
	return river.NewPeriodicJob(schedule(loc, RetentionAt), func() (river.JobArgs, *river.InsertOpts) {
		day := time.Now().In(loc).Format("2006-01-02")
		return RetentionArgs{Day: day}, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
	}, &river.PeriodicJobOpts{ID: "supporters_retention"})
}

// Work deletes the inactive contacts.
func (w *RetentionWorker) Work(ctx context.Context, job *river.Job[RetentionArgs]) error {
	if w.s.cfg.Retention == nil {
		return nil
	}
	n, err := w.s.cfg.Retention.Retain(ctx)
	if n > 0 {
		w.s.log.Info("supporters retention", slog.Int("deleted", n))
	}
	return err
}
