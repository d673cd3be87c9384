package scheduler

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"github.com/relais/relais/analytics"
)

// MetricsEvery is how often the metrics job looks for due collections.
const MetricsEvery = 10 * time.Minute

// MetricsArgs collects the platform metrics that are due (+1 h, +6 h,
// +24 h, +72 h and +7 d after each publication, jittered).
type MetricsArgs struct{}

// Kind implements river.JobArgs.
func (MetricsArgs) Kind() string { return "collect_metrics" }

// MetricsWorker runs collect_metrics jobs.
type MetricsWorker struct {
	river.WorkerDefaults[MetricsArgs]
	s *Scheduler
}

// metricsJob is the periodic collection, unique across replicas.
func metricsJob() *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(MetricsEvery), func() (river.JobArgs, *river.InsertOpts) {
		return MetricsArgs{}, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByPeriod: MetricsEvery}}
	}, &river.PeriodicJobOpts{ID: "collect_metrics"})
}

// Work collects what is due.
func (w *MetricsWorker) Work(ctx context.Context, job *river.Job[MetricsArgs]) error {
	c := analytics.Collector{Store: w.s.cfg.Store, Connectors: w.s.cfg.Connectors, XDailyCap: w.s.cfg.XMetricsDailyCap, Log: w.s.log}
	n, err := c.Collect(ctx)
	if n > 0 {
		w.s.log.Info("platform metrics collected", slog.Int("points", n))
	}
	return err
}
