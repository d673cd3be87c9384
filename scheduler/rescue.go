package scheduler

import (
	"context"
	"log/slog"
	"time"
)

// rescueLoop makes runnable again, every RescueAfter, the jobs left
// running longer than RescueAfter (their replica died: a live one cancels
// a job at JobTimeout <= RescueAfter). River's own rescuer does the same
// only every 30 s; this one lets another replica take a dead one's
// deliveries within about twice --rescue-after. Deliveries are safe to
// rerun: a delivery found publishing is reconciled, not sent again.
// Jobs at their last attempt are left to River's rescuer, which discards
// them.
func (s *Scheduler) rescueLoop(ctx context.Context) {
	t := time.NewTicker(max(s.cfg.RescueAfter/2, 500*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			n, err := s.rescue(ctx)
			if err != nil && ctx.Err() == nil {
				s.log.Warn("cannot rescue stuck jobs", slog.Any("error", err))
			} else if n > 0 {
				s.log.Info("rescued jobs left running by a stopped replica", slog.Int64("jobs", n))
			}
		}
	}
}

func (s *Scheduler) rescue(ctx context.Context) (int64, error) {
	tag, err := s.pool.Exec(ctx, `UPDATE river_job SET state = 'available', scheduled_at = now()
		WHERE state = 'running' AND attempted_at < now() - make_interval(secs => $1) AND attempt < max_attempts`,
		s.cfg.RescueAfter.Seconds())
	return tag.RowsAffected(), err
}
