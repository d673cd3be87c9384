package scheduler

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/riverqueue/river"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store"
)

// RecurArgs fires a recurrence at one of its times.
//
// Durability: recurring posts are not River periodic jobs. River's
// PeriodicJobs live in each process's memory, are enqueued by the elected
// leader only, and forget what ran across restarts (a run missed while no
// leader was up is lost, and a rule added on one replica is unknown to the
// others). Instead each recurrence is a chain of ordinary River jobs: the
// job for time T is inserted in the same transaction as the rule (or as the
// run before it); when it runs it creates the post for T, records (rule, T)
// in recurrence_runs (primary key: a re-run after a crash is a no-op) and
// inserts the job for the next time. The rule and its next job therefore
// live in the database, survive restarts, and River's row locking runs
// each job on exactly one replica.
type RecurArgs struct {
	RecurrenceID int64     `json:"recurrence_id"`
	At           time.Time `json:"at"`
}

// Kind implements river.JobArgs.
func (RecurArgs) Kind() string { return "recur" }

// InsertOpts makes a (rule, time) job unique while it is pending.
func (RecurArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// RecurWorker runs recur jobs.
type RecurWorker struct {
	river.WorkerDefaults[RecurArgs]
	s *Scheduler
}

// EnqueueRecurring inserts, inside tx, the job that fires recurrence id at
// `at`.
func (s *Scheduler) EnqueueRecurring(ctx context.Context, tx *sql.Tx, id int64, at time.Time) error {
	_, err := s.client.InsertTx(ctx, tx, RecurArgs{RecurrenceID: id, At: at.UTC()}, &river.InsertOpts{ScheduledAt: at})
	if err != nil {
		return fmt.Errorf("cannot enqueue recurrence %d: %w", id, err)
	}
	return nil
}

// Work creates the occurrence's post (scheduled, approved by the rule's
// author, fanned out at its time) unless the rule was stopped, the time
// falls in a blackout window (skipped_blackout) or the job runs more than
// MissedAfter late (missed: a stale agenda post is worse than none). Then
// it enqueues the next time.
func (w *RecurWorker) Work(ctx context.Context, job *river.Job[RecurArgs]) error {
	at := job.Args.At.UTC()
	return w.s.cfg.Store.Update(ctx, func(tx *store.Tx) error {
		r, err := tx.RecurrenceForUpdate(job.Args.RecurrenceID)
		if err != nil || !r.Active {
			return ignoreNotFound(err)
		}
		outcome, postID, err := w.fire(ctx, tx, r, at)
		if err != nil {
			return err
		}
		if fresh, err := tx.AddRecurrenceRun(r.ID, at, postID, outcome); err != nil || !fresh {
			return err // !fresh: this time already ran, and its successor was enqueued then
		}
		w.s.log.Info("recurrence fired", slog.Int64("recurrence_id", r.ID), slog.Time("at", at), slog.String("outcome", outcome))
		if outcome == RunSkippedChanged {
			return w.stopChanged(tx, r)
		}
		return w.chain(ctx, tx, r, at)
	})
}

// chain enqueues the recurrence's next time after at (or after now, when
// the job ran late).
func (w *RecurWorker) chain(ctx context.Context, tx *store.Tx, r *relais.Recurrence, at time.Time) error {
	next, err := r.Next(at)
	if err == nil && !next.IsZero() && next.Before(tx.Now()) {
		next, err = r.Next(tx.Now())
	}
	if err != nil || next.IsZero() {
		r.Active, r.NextAt = false, nil
		return tx.SetRecurrence(r)
	}
	r.NextAt = &next
	if err := tx.SetRecurrence(r); err != nil {
		return err
	}
	return w.s.EnqueueRecurring(ctx, tx.SQL(), r.ID, next)
}

// stopChanged stops a recurrence whose template no longer holds the
// approved content, and says so in the audit log: a new approval is needed.
func (w *RecurWorker) stopChanged(tx *store.Tx, r *relais.Recurrence) error {
	r.Active, r.NextAt = false, nil
	if err := tx.SetRecurrence(r); err != nil {
		return err
	}
	return tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "recurrence.stop", PostID: r.PostID,
		Detail: i18n.Code("history.recurrence_changed", "id", strconv.FormatInt(r.ID, 10))})
}
