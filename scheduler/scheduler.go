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
	"github.com/relais/relais/analytics"
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
	Mailer       Mailer        // digests (and share kits when Kits is nil); nil logs instead of sending
	Kits         KitSender     // supporters' share kits, exactly once (supporters.Kits); may be nil
	Retention    Retainer      // deletes inactive supporters daily; may be nil
	RetryBase    time.Duration // first retry delay, doubled per error; default 1s
	RetryMax     time.Duration // longest retry delay; default 1h
	MissedAfter  time.Duration // a recurrence fired later than this is skipped; default 1h

	// Links tracks the links of publications and suggestions (issue 15);
	// nil publishes links as written.
	Links *analytics.Linker
	// XMetricsDailyCap bounds the X posts whose metrics are read per day
	// (each read is billed); default analytics.DefaultXDailyCap.
	XMetricsDailyCap int64
	// ReplicaID names this replica (River's client ID, the deliveries it
	// holds); default host-pid.
	ReplicaID string
	// Housekeeping tasks run once per cluster at their interval (River
	// periodic jobs, enqueued by the leader only).
	Housekeeping []Chore
	// Videos publishes posts carrying a video (issue 17); nil fails them.
	Videos VideoPublisher
	// ReportSeats weighs districts in the weekly report's focus ranking.
	ReportSeats map[string]int
	// Location is the campaign's time zone (RELAIS_TIMEZONE): digests,
	// reports and retention run at its wall-clock hours. Default: the
	// store's (Store.Location).
	Location *time.Location
	// ReportSupporters counts the week's new supporters per district for
	// the weekly report (supporters.Service.NewByDistrict); nil reports
	// them as not available.
	ReportSupporters analytics.SupporterCounter
}

// Scheduler owns the River client.
type Scheduler struct {
	cfg    Config
	client *river.Client[*sql.Tx] // inserts jobs in the store's transactions
	runner runner                 // works the jobs (client itself on SQLite)
	pool   *pgxpool.Pool          // the pgx runner's connections (PostgreSQL)
	log    *slog.Logger
	rescue rescuer
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
	if cfg.Location == nil {
		cfg.Location = cfg.Store.Location()
	}
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
	river.AddWorker(workers, &WakeWorker{})
	river.AddWorker(workers, &MetricsWorker{s: s})
	river.AddWorker(workers, &ExperimentDecideWorker{s: s})
	river.AddWorker(workers, &ReportWorker{s: s})
	river.AddWorker(workers, &RetentionWorker{s: s})
	river.AddWorker(workers, &KitDigestWorker{s: s})
	river.AddWorker(workers, &ChoreWorker{s: s})
	rc := &river.Config{
		ID:                   cfg.ReplicaID,
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}},
		Workers:              workers,
		Logger:               cfg.Logger,
		FetchPollInterval:    cfg.PollEvery,
		FetchCooldown:        min(cfg.PollEvery/5, 20*time.Millisecond),
		RescueStuckJobsAfter: cfg.RescueAfter,
		JobTimeout:           min(time.Minute, cfg.RescueAfter/2), // a live replica gives up well before a rescue
		RetryPolicy:          &retryPolicy{base: cfg.RetryBase, max: cfg.RetryMax},
		PeriodicJobs: append([]*river.PeriodicJob{digestJob(cfg.Location), metricsJob(), retentionJob(cfg.Location),
			kitDigestJob(cfg.Location), reportJob(cfg.Location)},
			choreJobs(cfg.Housekeeping)...),
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

// Start runs the job workers, and the rescue of jobs a dead process left
// running (every RescueAfter/4), until Stop.
func (s *Scheduler) Start(ctx context.Context) error {
	if err := s.runner.Start(ctx); err != nil {
		return err
	}
	s.startRescuer(ctx)
	return nil
}

// Stop waits for running jobs to finish (or ctx to end).
func (s *Scheduler) Stop(ctx context.Context) error {
	s.stopRescuer()
	err := s.runner.Stop(ctx)
	if s.pool != nil {
		s.pool.Close()
	}
	return err
}

// ReplicaID names this replica.
func (s *Scheduler) ReplicaID() string { return s.cfg.ReplicaID }

// EnqueueFanOut schedules a post's fan-out at `at` inside tx, so that the
// job exists if and only if the approval committed. A fan-out due now is
// inserted runnable; call Wake after the commit to run it at once.
// The hash binds the job to the approved content: an edited post's old job
// does nothing.
func (s *Scheduler) EnqueueFanOut(ctx context.Context, tx *sql.Tx, postID int64, hash string, at time.Time) error {
	_, err := s.client.InsertTx(ctx, tx, FanOutArgs{PostID: postID, ContentHash: hash}, fanOutOpts(at))
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
