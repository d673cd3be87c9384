// Package scheduler turns approved posts into publications with River jobs:
// fan_out creates a post's deliveries and share suggestions in one
// transaction (multi-row INSERTs) and enqueues one deliver job per account
// and one suggest job per batch of suggestions; deliver publishes exactly
// once through the account's connector, classifying errors, snoozing on
// rate limits and holding everything during electoral blackout windows;
// suggest notifies colistiers and e-mails supporters' share kits; recur
// materialises recurring posts. It also applies River's own migrations.
package scheduler

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
)

// Config holds the scheduler's dependencies and tuning.
type Config struct {
	Store        *store.Store
	Connectors   *connectors.Registry
	Events       relais.EventService // may be nil
	Logger       *slog.Logger
	Workers      int           // concurrent jobs; default 10
	PollEvery    time.Duration // job fetch poll interval; default 500ms
	RescueAfter  time.Duration // running jobs older than this are retried; default 2m
	ShareWindow  time.Duration // colistier suggestions staggered over it; default 2h
	SuggestBatch int           // suggestions per suggest job; default 1,000
	Mailer       Mailer        // share kits; nil logs instead of sending
	RetryBase    time.Duration // first retry delay, doubled per error; default 1s
	RetryMax     time.Duration // longest retry delay; default 1h
	MissedAfter  time.Duration // a recurrence fired later than this is skipped; default 1h
	ReplicaID    string        // names this replica (River's client ID, deliveries it holds); default host-pid
	// Housekeeping tasks run once per cluster at their interval (River
	// periodic jobs, enqueued by the leader only).
	Housekeeping []Chore
}

// Scheduler owns the River client.
type Scheduler struct {
	cfg    Config
	client *river.Client[*sql.Tx] // inserts jobs in the store's transactions
	runner runner                 // works the jobs (client itself on SQLite)
	pool   *pgxpool.Pool          // the pgx runner's connections (PostgreSQL)
	// stopRescue stops the rescue of dead replicas' jobs.
	stopRescue context.CancelFunc
	log        *slog.Logger
}

func driverFor(s *store.Store) riverdriver.Driver[*sql.Tx] {
	if s.Dialect() == store.DialectPostgres {
		return riverdatabasesql.New(s.DB())
	}
	return riversqlite.New(s.DB())
}

// Migrate applies River's migrations to the store's database.
func Migrate(ctx context.Context, s *store.Store) error {
	m, err := rivermigrate.New(driverFor(s), nil)
	if err != nil {
		return fmt.Errorf("cannot create River migrator: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("cannot apply River migrations: %w", err)
	}
	return nil
}

// Current reports an error if River's migrations are not all applied.
func Current(ctx context.Context, s *store.Store) error {
	m, err := rivermigrate.New(driverFor(s), nil)
	if err != nil {
		return err
	}
	res, err := m.Validate(ctx, nil)
	if err != nil {
		return err
	} else if !res.OK {
		return fmt.Errorf("river migrations pending: %v", res.Messages)
	}
	return nil
}

// New builds the scheduler; call Start to run jobs.
func New(cfg Config) (*Scheduler, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	setDefault(&cfg.Workers, 10)
	setDefault(&cfg.PollEvery, 500*time.Millisecond)
	setDefault(&cfg.RescueAfter, 2*time.Minute)
	setDefault(&cfg.ShareWindow, 2*time.Hour)
	setDefault(&cfg.SuggestBatch, 1000)
	setDefault(&cfg.RetryBase, time.Second)
	setDefault(&cfg.RetryMax, time.Hour)
	setDefault(&cfg.MissedAfter, time.Hour)
	setDefault(&cfg.ReplicaID, defaultReplicaID())
	s := &Scheduler{cfg: cfg, log: cfg.Logger}
	workers := river.NewWorkers()
	river.AddWorker(workers, &FanOutWorker{s: s})
	river.AddWorker(workers, &DeliverWorker{s: s})
	river.AddWorker(workers, &SuggestWorker{s: s})
	river.AddWorker(workers, &RecurWorker{s: s})
	river.AddWorker(workers, &DigestWorker{s: s})
	river.AddWorker(workers, &ChoreWorker{s: s})
	rc := &river.Config{
		ID:                   cfg.ReplicaID,
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}},
		Workers:              workers,
		Logger:               cfg.Logger,
		FetchPollInterval:    cfg.PollEvery,
		FetchCooldown:        cfg.PollEvery / 5,
		RescueStuckJobsAfter: cfg.RescueAfter,
		JobTimeout:           min(time.Minute, cfg.RescueAfter/2), // a live replica gives up well before a rescue
		RetryPolicy:          &retryPolicy{base: cfg.RetryBase, max: cfg.RetryMax},
		PeriodicJobs:         append([]*river.PeriodicJob{digestJob()}, choreJobs(cfg.Housekeeping)...),
	}
	if isPostgres(cfg.Store) {
		return s, s.newPostgresClients(rc)
	}
	client, err := river.NewClient(driverFor(cfg.Store), rc)
	if err != nil {
		return nil, fmt.Errorf("cannot create River client: %w", err)
	}
	s.client, s.runner = client, client
	return s, nil
}

func setDefault[T comparable](v *T, def T) {
	var zero T
	if *v == zero {
		*v = def
	}
}

// Start runs the job workers until Stop, and on PostgreSQL the rescue of
// jobs left running by a dead replica.
func (s *Scheduler) Start(ctx context.Context) error {
	if err := s.runner.Start(ctx); err != nil {
		return err
	}
	if s.pool != nil {
		rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		s.stopRescue = cancel
		go s.rescueLoop(rctx)
	}
	return nil
}

// Stop waits for running jobs to finish (or ctx to end).
func (s *Scheduler) Stop(ctx context.Context) error {
	if s.stopRescue != nil {
		s.stopRescue()
	}
	err := s.runner.Stop(ctx)
	if s.pool != nil {
		s.pool.Close()
	}
	return err
}

// ReplicaID names this replica.
func (s *Scheduler) ReplicaID() string { return s.cfg.ReplicaID }

// EnqueueFanOut schedules a post's fan-out at `at` inside tx, so that the
// job exists if and only if the approval committed.
// The hash binds the job to the approved content: an edited post's old job
// does nothing.
func (s *Scheduler) EnqueueFanOut(ctx context.Context, tx *sql.Tx, postID int64, hash string, at time.Time) error {
	opts := &river.InsertOpts{ScheduledAt: at}
	if !at.After(time.Now()) {
		opts.ScheduledAt = time.Time{} // due now: runnable at once, not at the leader's next promotion
	}
	_, err := s.client.InsertTx(ctx, tx, FanOutArgs{PostID: postID, ContentHash: hash}, opts)
	if err != nil {
		return fmt.Errorf("cannot enqueue fan-out of post %d: %w", postID, err)
	}
	return nil
}

func (s *Scheduler) publish(e relais.Event) {
	if s.cfg.Events != nil {
		e.At = time.Now().UTC()
		s.cfg.Events.Publish(e)
	}
}
