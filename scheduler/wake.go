package scheduler

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
)

// WakeArgs is an empty job whose insertion, outside any transaction, makes
// this process's River producer fetch available jobs at once instead of at
// its next poll (see Wake).
type WakeArgs struct{}

// Kind implements river.JobArgs.
func (WakeArgs) Kind() string { return "relais_wake" }

// InsertOpts implements river.JobArgsWithInsertOpts: a wake is worth
// nothing once done.
func (WakeArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{MaxAttempts: 1} }

// WakeWorker does nothing: the wake job's insertion did its work.
type WakeWorker struct {
	river.WorkerDefaults[WakeArgs]
}

// Work implements river.Worker.
func (WakeWorker) Work(context.Context, *river.Job[WakeArgs]) error { return nil }

// Wake makes the workers of this process look for runnable jobs now.
// Call it (with store.Tx.AfterCommit) once a transaction that inserted
// runnable jobs has committed: the job queue has no LISTEN on either
// database here (SQLite, database/sql PostgreSQL), and River tells its
// producer about inserts made outside a transaction only, so without a
// wake an approved post waits for the next poll of each of its two jobs
// (fan-out, then deliveries). It returns at once.
func (s *Scheduler) Wake() {
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := s.client.Insert(ctx, WakeArgs{}, nil); err != nil {
			s.log.Debug("cannot wake the job queue", slog.Any("error", err))
		}
	}()
}

// fanOutOpts returns the insert options of a fan-out due at at: none (a
// runnable job) when it is due now or past, so that River does not wait
// for its scheduled-job promotion (every 5 s) to run it.
func fanOutOpts(at time.Time) *river.InsertOpts {
	if at.After(time.Now()) {
		return &river.InsertOpts{ScheduledAt: at}
	}
	return nil
}
