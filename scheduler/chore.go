package scheduler

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/riverqueue/river"
)

// Chore is a housekeeping task (purging expired sessions, old live events,
// lapsed approval requests...) that must run once per cluster, not once
// per replica, every Every.
type Chore struct {
	Name  string
	Every time.Duration
	Run   func(ctx context.Context) error
}

// ChoreArgs runs one chore.
type ChoreArgs struct {
	Name string `json:"name"`
}

// Kind implements river.JobArgs.
func (ChoreArgs) Kind() string { return "chore" }

// ChoreWorker runs chore jobs.
type ChoreWorker struct {
	river.WorkerDefaults[ChoreArgs]
	s *Scheduler
}

// Work runs the named chore; a chore this version does not know is done.
func (w *ChoreWorker) Work(ctx context.Context, job *river.Job[ChoreArgs]) error {
	for _, c := range w.s.cfg.Housekeeping {
		if c.Name == job.Args.Name {
			if err := c.Run(ctx); err != nil {
				return fmt.Errorf("chore %s: %w", c.Name, err)
			}
			return nil
		}
	}
	return nil
}

// choreJobs turns chores into River periodic jobs: only the leader
// enqueues them, so each runs once per interval across the cluster.
func choreJobs(chores []Chore) []*river.PeriodicJob {
	out := make([]*river.PeriodicJob, 0, len(chores))
	for _, c := range chores {
		name := c.Name
		out = append(out, river.NewPeriodicJob(river.PeriodicInterval(c.Every),
			func() (river.JobArgs, *river.InsertOpts) {
				return ChoreArgs{Name: name}, &river.InsertOpts{MaxAttempts: 1}
			},
			&river.PeriodicJobOpts{ID: "chore-" + name}))
	}
	return out
}

// defaultReplicaID names a replica by host and process.
func defaultReplicaID() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s-%d", host, os.Getpid())
}
