package scheduler

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// recurBundle is a store with a weekday 08:30 recurrence of a published
// post, on a simulated clock.
type recurBundle struct {
	*testBundle
	clock *simClock
	rec   *relais.Recurrence
}

func setupRecur(t *testing.T, dialect string) *recurBundle {
	b := setup(t, dialect, Config{})
	clock := &simClock{now: time.Date(2026, 3, 27, 5, 0, 0, 0, time.UTC)} // Friday 06:00 CET
	b.store.SetNow(clock.Now)
	editor := b.member(t, "web@example.org", relais.RoleEditor, "")
	tpl := b.scheduledPost(t, b.accounts(t, 1, relais.OwnerCampaign, ""), clock.Now(), nil)
	rec := &relais.Recurrence{PostID: tpl.ID, Spec: "30 8 * * 1-5", TZ: "Europe/Paris", CreatedBy: editor.ID,
		ContentHash: tpl.ContentOnlyHash()}
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error { return tx.CreateRecurrence(rec) }))
	return &recurBundle{testBundle: b, clock: clock, rec: rec}
}

// fire moves the clock to at (plus late) and runs the job for at.
func (b *recurBundle) fire(t *testing.T, at time.Time, late time.Duration) {
	b.clock.Set(at.Add(late))
	require.NoError(t, (&RecurWorker{s: b.sched}).Work(b.ctx, job(RecurArgs{RecurrenceID: b.rec.ID, At: at}, 1)))
}

func (b *recurBundle) runs(t *testing.T) []relais.RecurrenceRun {
	var rs []relais.RecurrenceRun
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) (err error) {
		rs, err = tx.RecurrenceRuns(b.rec.ID)
		return err
	}))
	return rs
}

func (b *recurBundle) nextJobs(t *testing.T) []time.Time {
	res, err := b.sched.client.JobList(b.ctx, river.NewJobListParams().Kinds("recur").First(100))
	require.NoError(t, err)
	var out []time.Time
	for _, j := range res.Jobs {
		var a RecurArgs
		require.NoError(t, json.Unmarshal(j.EncodedArgs, &a))
		out = append(out, a.At)
	}
	return out
}

// TestRecurChain checks that a time creates one scheduled, approved copy
// and chains the next time (over the weekend and the DST change), and
// that running the same time again does nothing.
func TestRecurChain(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setupRecur(t, dialect)
		friday := time.Date(2026, 3, 27, 7, 30, 0, 0, time.UTC) // 08:30 CET
		b.fire(t, friday, 2*time.Second)
		b.fire(t, friday, 3*time.Second) // a rescued re-run
		rs := b.runs(t)
		require.Len(t, rs, 1)
		require.Equal(t, RunCreated, rs[0].Outcome)
		monday := time.Date(2026, 3, 30, 6, 30, 0, 0, time.UTC) // 08:30 CEST
		require.Equal(t, []time.Time{monday}, b.nextJobs(t))
		storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) error {
			p, err := tx.PostByID(rs[0].PostID)
			require.NoError(t, err)
			require.Equal(t, relais.PostScheduled, p.State)
			require.True(t, p.ScheduledAt.Equal(friday))
			as, err := tx.Approvals(p.ID)
			require.Len(t, as, 1)
			require.Equal(t, p.ContentHash, as[0].ContentHash)
			return err
		}))
	})
}

// TestRecurSkips checks the blackout, late and stopped cases.
func TestRecurSkips(t *testing.T) {
	t.Parallel()
	b := setupRecur(t, store.DialectSQLite)
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
		return tx.AddElectionRound(&relais.ElectionRound{Day: "2026-03-29", PollsClose: "20:00"}) // Saturday-Sunday
	}))
	friday := time.Date(2026, 3, 27, 7, 30, 0, 0, time.UTC)
	b.fire(t, friday, 2*time.Hour) // two hours late: missed
	tuesday := time.Date(2026, 3, 31, 6, 30, 0, 0, time.UTC)
	require.Contains(t, b.nextJobs(t), time.Date(2026, 3, 30, 6, 30, 0, 0, time.UTC))
	b.rec.Active = false
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error { return tx.SetRecurrence(b.rec) }))
	b.fire(t, tuesday, 0)
	rs := b.runs(t)
	require.Len(t, rs, 1, "a stopped recurrence does nothing")
	require.Equal(t, RunMissed, rs[0].Outcome)

	b2 := setupRecur(t, store.DialectSQLite)
	storetest.Must(t, b2.store.Update(b2.ctx, func(tx *store.Tx) error {
		return tx.AddElectionRound(&relais.ElectionRound{Day: "2026-03-28", PollsClose: "20:00"}) // Friday 00:00 - Saturday 20:00
	}))
	b2.fire(t, friday, 0)
	require.Equal(t, RunSkippedBlackout, b2.runs(t)[0].Outcome)
}

// TestRecurStopsWhenTemplateChanges: a template edited after the
// recurrence was approved (back in review with new text) or cancelled does
// not recur: nothing unapproved is published, and the recurrence stops.
func TestRecurStopsWhenTemplateChanges(t *testing.T) {
	t.Parallel()
	for _, change := range []func(p *relais.Post){
		func(p *relais.Post) { p.Text, p.State = "UNAPPROVED TEXT", relais.PostInReview },
		func(p *relais.Post) { p.State = relais.PostCancelled },
	} {
		b := setupRecur(t, store.DialectSQLite)
		storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
			p, err := tx.PostByID(b.rec.PostID)
			if err != nil {
				return err
			}
			state := p.State
			change(p)
			p.ContentHash = p.Hash()
			want := p.State
			p.State = state
			if err := tx.UpdatePost(p); err != nil {
				return err
			}
			return tx.SetPostState(p.ID, want) // a fixture: the state as the change left it
		}))
		at := time.Date(2026, 3, 30, 6, 30, 0, 0, time.UTC) // Monday 08:30 CEST
		b.fire(t, at, 0)
		runs := b.runs(t)
		require.Len(t, runs, 1)
		require.Equal(t, RunSkippedChanged, runs[0].Outcome)
		require.Zero(t, runs[0].PostID)
		storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) error {
			ps, err := tx.Posts(store.PostFilter{})
			require.Len(t, ps, 1, "no occurrence was created")
			r, err2 := tx.RecurrenceForUpdate(b.rec.ID)
			require.NoError(t, err2)
			require.False(t, r.Active, "the recurrence stopped")
			return err
		}))
	}
}

// TestRecurCarriesImagesInItsHash: an occurrence of a post with an image
// carries a copy of the image, and its approved hash covers it.
func TestRecurCarriesImagesInItsHash(t *testing.T) {
	t.Parallel()
	b := setupRecur(t, store.DialectSQLite)
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
		p, err := tx.PostByID(b.rec.PostID)
		if err != nil {
			return err
		}
		m := relais.Media{Filename: "affiche.png", ContentType: "image/png", UploadedBy: p.AuthorID}
		if err := tx.CreateMedia(&m, []byte("\x89PNG fake image bytes")); err != nil {
			return err
		}
		p.Media = []relais.Media{m}
		p.ContentHash = p.Hash()
		if err := tx.UpdatePost(p); err != nil {
			return err
		}
		b.rec.ContentHash = p.ContentOnlyHash()
		return nil
	}))
	_, err := b.store.DB().Exec(`UPDATE recurrences SET content_hash = ? WHERE id = ?`, b.rec.ContentHash, b.rec.ID)
	require.NoError(t, err)
	b.fire(t, time.Date(2026, 3, 30, 6, 30, 0, 0, time.UTC), 0)
	runs := b.runs(t)
	require.Equal(t, RunCreated, runs[0].Outcome)
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) error {
		p, err := tx.PostByID(runs[0].PostID)
		require.NoError(t, err)
		require.Len(t, p.Media, 1)
		require.Equal(t, p.Hash(), p.ContentHash, "the stored hash covers the image")
		return err
	}))
}
