package scheduler

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// simClock is the store's clock, moved by the test.
type simClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *simClock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *simClock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.now = t }

// simJob is a job the simulation runs when the clock reaches at.
type simJob struct {
	args    river.JobArgs
	at      time.Time
	attempt int
}

// TestBlackoutProperty runs random schedules, random platform failures
// (retries, rate limits) and random clock jumps, forward and back, through
// the fan_out, deliver and suggest workers, and checks that nothing is
// published or e-mailed inside a blackout window, and that once the
// windows are over everything went out exactly once.
func TestBlackoutProperty(t *testing.T) {
	t.Parallel()
	for seed := uint64(1); seed <= 12; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			blackoutCase(t, rand.New(rand.NewPCG(seed, 7)))
		})
	}
}

func blackoutCase(t *testing.T, rng *rand.Rand) {
	clock := &simClock{now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	b := setup(t, store.DialectSQLite, Config{SuggestBatch: 3, ShareWindow: 3 * time.Hour})
	b.store.SetNow(clock.Now)
	b.conn.now, b.mailer.now = clock.Now, clock.Now
	b.conn.fail = func() error { return randomFailure(rng, clock.Now()) }
	var bl relais.Blackout
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
		for i := 0; i < 1+rng.IntN(2); i++ {
			r := &relais.ElectionRound{Day: clock.Now().AddDate(0, 0, 2+7*i+rng.IntN(4)).Format("2006-01-02"),
				PollsClose: fmt.Sprintf("%02d:00", 18+rng.IntN(3))}
			if err := tx.AddElectionRound(r); err != nil {
				return err
			}
		}
		var err error
		bl, err = tx.Blackout()
		return err
	}))
	b.member(t, "c@example.org", relais.RoleColistier, "")
	supporters(t, b, 5, "")
	acc := b.accounts(t, 3, relais.OwnerCampaign, "")
	var queue []*simJob
	for i := 0; i < 8; i++ {
		at := clock.Now().Add(time.Duration(rng.Int64N(int64(20 * 24 * time.Hour))))
		p := b.scheduledPost(t, acc, at, nil)
		queue = append(queue, &simJob{args: FanOutArgs{PostID: p.ID, ContentHash: p.ContentHash}, at: at})
	}
	sim := &simulation{t: t, b: b, rng: rng, clock: clock, queue: queue, seen: map[int64]bool{}}
	sim.run(30 * 24 * time.Hour)
	for _, at := range append(append([]time.Time{}, b.conn.at...), b.mailer.at...) {
		in, _ := bl.At(at)
		require.False(t, in, "published or mailed at %s, inside a blackout window", at)
	}
	require.Len(t, b.conn.byKey, 8*3, "every delivery went out once the windows closed")
	for k, n := range b.conn.byKey {
		require.Equal(t, 1, n, "key %s published once", k)
	}
	require.Equal(t, 8*5, b.mailer.count(), "every share kit was sent once")
}

// randomFailure fails a third of publications: retryable or rate limited.
func randomFailure(rng *rand.Rand, now time.Time) error {
	switch rng.IntN(6) {
	case 0:
		return &connectors.Error{Class: connectors.Retryable, Platform: "fake", Message: "503"}
	case 1:
		return &connectors.Error{Class: connectors.RateLimited, Platform: "fake", Until: now.Add(time.Duration(rng.IntN(3600)) * time.Second)}
	}
	return nil
}

type simulation struct {
	t     *testing.T
	b     *testBundle
	rng   *rand.Rand
	clock *simClock
	queue []*simJob
	seen  map[int64]bool
}

// run jumps the clock at random (minutes to a day ahead, sometimes an hour
// back) and runs the jobs that are due, until `horizon` has passed and the
// queue is empty.
func (s *simulation) run(horizon time.Duration) {
	end := s.clock.Now().Add(horizon)
	for steps := 0; steps < 5000 && (s.clock.Now().Before(end) || len(s.queue) > 0); steps++ {
		jump := time.Duration(s.rng.Int64N(int64(12 * time.Hour)))
		if s.rng.IntN(8) == 0 {
			jump = -time.Duration(s.rng.Int64N(int64(time.Hour)))
		}
		s.clock.Set(s.clock.Now().Add(jump))
		s.runDue()
	}
	require.Empty(s.t, s.queue, "jobs left after the horizon")
}

func (s *simulation) runDue() {
	var later []*simJob
	s.rng.Shuffle(len(s.queue), func(i, j int) { s.queue[i], s.queue[j] = s.queue[j], s.queue[i] })
	due := s.queue
	s.queue = nil
	for _, j := range due {
		if j.at.After(s.clock.Now()) {
			later = append(later, j)
			continue
		}
		if next := s.work(j); next != nil {
			later = append(later, next)
		}
	}
	s.queue = append(later, s.queue...)
	s.collect()
}

// work runs one job and returns it rescheduled, or nil when it is done.
func (s *simulation) work(j *simJob) *simJob {
	var err error
	switch a := j.args.(type) {
	case FanOutArgs:
		err = (&FanOutWorker{s: s.b.sched}).Work(s.b.ctx, job(a, j.attempt+1))
	case DeliverArgs:
		err = (&DeliverWorker{s: s.b.sched}).Work(s.b.ctx, job(a, j.attempt+1))
	case SuggestArgs:
		err = (&SuggestWorker{s: s.b.sched}).Work(s.b.ctx, job(a, j.attempt+1))
	}
	var snooze *rivertype.JobSnoozeError
	var cancel *rivertype.JobCancelError
	switch {
	case err == nil || errors.As(err, &cancel):
		return nil
	case errors.As(err, &snooze):
		j.at = s.clock.Now().Add(snooze.Duration)
	default:
		j.attempt++
		j.at = s.clock.Now().Add(time.Duration(s.rng.IntN(600)) * time.Second)
	}
	return j
}

// collect queues the deliver and suggest jobs the fan-outs inserted.
func (s *simulation) collect() {
	res, err := s.b.sched.client.JobList(s.b.ctx, river.NewJobListParams().Kinds("deliver", "suggest").First(10000))
	require.NoError(s.t, err)
	for _, row := range res.Jobs {
		if s.seen[row.ID] {
			continue
		}
		s.seen[row.ID] = true
		j := &simJob{at: s.clock.Now()}
		if row.Kind == "deliver" {
			var a DeliverArgs
			require.NoError(s.t, json.Unmarshal(row.EncodedArgs, &a))
			j.args = a
		} else {
			var a SuggestArgs
			require.NoError(s.t, json.Unmarshal(row.EncodedArgs, &a))
			j.args, j.at = a, row.ScheduledAt
		}
		s.queue = append(s.queue, j)
	}
}
