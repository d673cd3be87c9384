package scheduler

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/robfig/cron/v3"

	"github.com/relais/relais"
)

// RetentionSpec is when inactive supporters are deleted (campaign time).
const RetentionSpec = "CRON_TZ=Europe/Paris 30 3 * * *"

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
func retentionJob() *river.PeriodicJob {
	sched, _ := cron.ParseStandard(RetentionSpec) // a constant: cannot fail
	return river.NewPeriodicJob(sched, func() (river.JobArgs, *river.InsertOpts) {
		day := time.Now().In(relais.MustLocation()).Format("2006-01-02")
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
