package scheduler

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// rescuer makes jobs left running by a dead process available again
// every RescueAfter/4 (at least every second): River's own rescuer does
// the same but only every 30 s, so a job stuck after a crash would wait up
// to --rescue-after + 30 s.
type rescuer struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// startRescuer runs the rescue loop until stopRescuer.
func (s *Scheduler) startRescuer(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	s.rescue.cancel = cancel
	s.rescue.wg.Add(1)
	go func() {
		defer s.rescue.wg.Done()
		relais.Every(ctx, max(s.cfg.RescueAfter/4, time.Second), func() { s.rescueStuck(ctx) })
	}()
}

func (s *Scheduler) stopRescuer() {
	if s.rescue.cancel != nil {
		s.rescue.cancel()
		s.rescue.wg.Wait()
	}
}

// rescueStuck makes available the jobs running for longer than
// RescueAfter (JobTimeout, at most RescueAfter, ends a live job before).
// A job out of attempts is left to River's rescuer, which discards it.
func (s *Scheduler) rescueStuck(ctx context.Context) {
	n, err := rescueStuckJobs(ctx, s.cfg.Store, time.Now().Add(-s.cfg.RescueAfter))
	if err != nil {
		s.log.Warn("cannot rescue stuck jobs", slog.Any("error", err))
	} else if n > 0 {
		s.log.Info("stuck jobs rescued", slog.Int64("jobs", n))
		s.Wake()
	}
}

// rescueStuckJobs sets the running jobs attempted before cutoff back to
// available. River keeps SQLite times as UTC text "2006-01-02
// 15:04:05.000" (riversqlite's timeString).
func rescueStuckJobs(ctx context.Context, st *store.Store, cutoff time.Time) (int64, error) {
	q := `UPDATE river_job SET state = 'available' WHERE state = 'running' AND attempt < max_attempts AND attempted_at < `
	var arg any = cutoff.UTC()
	if st.Dialect() == store.DialectPostgres {
		q += "$1"
	} else {
		q, arg = q+"?", cutoff.UTC().Format("2006-01-02 15:04:05.000")
	}
	res, err := st.DB().ExecContext(ctx, q, arg)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
