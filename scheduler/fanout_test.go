package scheduler

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// consentAt is the test supporters' consent: only consenting, mobilised
// supporters receive share kits.
var consentAt = time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)

func supporters(t testing.TB, b *testBundle, n int, district string) {
	t.Helper()
	ss := make([]relais.Supporter, n)
	for i := range ss {
		ss[i] = relais.Supporter{Email: fmt.Sprintf("s%d-%s@example.org", i, district), Name: "S", District: district,
			ConsentAt: &consentAt, ConsentSource: "test", Mobilised: true}
	}
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error { return tx.CreateSupporters(ss) }))
}

// suggestJobs returns the args of the inserted suggest jobs.
func suggestJobs(t *testing.T, b *testBundle) []SuggestArgs {
	t.Helper()
	res, err := b.sched.client.JobList(b.ctx, river.NewJobListParams().Kinds("suggest").First(1000))
	require.NoError(t, err)
	var out []SuggestArgs
	for _, j := range res.Jobs {
		var a SuggestArgs
		require.NoError(t, json.Unmarshal(j.EncodedArgs, &a))
		out = append(out, a)
	}
	return out
}

// TestFanOutAudience checks that a district post reaches its district's
// colistiers and supporters only, staggered over the window with variants,
// in batches of SuggestBatch, and that share kits go out once.
func TestFanOutAudience(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect, Config{SuggestBatch: 5, ShareWindow: time.Hour})
		for i := 0; i < 5; i++ {
			b.member(t, fmt.Sprintf("c11-%d@example.org", i), relais.RoleColistier, "11e")
		}
		for i := 0; i < 3; i++ {
			b.member(t, fmt.Sprintf("c12-%d@example.org", i), relais.RoleColistier, "12e")
		}
		supporters(t, b, 7, "11e")
		supporters(t, b, 4, "12e")
		acc := b.accounts(t, 1, relais.OwnerColistier, "11e")
		p := b.scheduledPost(t, acc, b.store.Now(), map[relais.Platform]string{relais.PlatformX: "Variante X"})
		w := &FanOutWorker{s: b.sched}
		require.NoError(t, w.Work(b.ctx, job(FanOutArgs{PostID: p.ID, ContentHash: p.ContentHash}, 1)))

		var ss []*relais.Suggestion
		storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) (err error) {
			n, err := tx.CountSuggestions(p.ID)
			require.EqualValues(t, 12, n, "5 colistiers + 7 supporters of the 11e")
			kits, err := tx.ShareKits(p.ID, 0, 100)
			for _, k := range kits {
				ss = append(ss, &relais.Suggestion{MemberID: k.MemberID, Text: k.Text, NotBefore: k.NotBefore})
			}
			return err
		}))
		texts := map[string]int{}
		for _, s := range ss[:5] {
			require.NotZero(t, s.MemberID)
			texts[s.Text]++
			require.WithinRange(t, s.NotBefore, b.store.Now().Add(-time.Second), b.store.Now().Add(time.Hour+time.Second))
		}
		require.Len(t, texts, 2, "colistiers rotate through the text variants")

		jobs := suggestJobs(t, b)
		require.Len(t, jobs, 3, "12 suggestions in batches of 5")
		sw := &SuggestWorker{s: b.sched}
		for range 2 { // twice: the second run sends nothing again
			for _, a := range jobs {
				require.NoError(t, sw.Work(b.ctx, job(a, 1)))
			}
		}
		require.Equal(t, 7, b.mailer.count(), "one share kit per supporter, once")
	})
}

// TestFanOutCandidateReachesAll checks that a post on the candidate's
// account reaches every colistier and supporter.
func TestFanOutCandidateReachesAll(t *testing.T) {
	t.Parallel()
	b := setup(t, store.DialectSQLite, Config{})
	b.member(t, "c1@example.org", relais.RoleColistier, "11e")
	b.member(t, "c2@example.org", relais.RoleColistier, "12e")
	supporters(t, b, 3, "11e")
	supporters(t, b, 2, "")
	acc := b.accounts(t, 2, relais.OwnerCandidate, "")
	p := b.scheduledPost(t, acc, b.store.Now(), nil)
	require.NoError(t, (&FanOutWorker{s: b.sched}).Work(b.ctx, job(FanOutArgs{PostID: p.ID, ContentHash: p.ContentHash}, 1)))
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) error {
		n, err := tx.CountSuggestions(p.ID)
		require.EqualValues(t, 7, n)
		ds, err2 := tx.Deliveries(p.ID)
		require.Len(t, ds, 2)
		require.NoError(t, err2)
		return err
	}))
	require.Len(t, suggestJobs(t, b), 1)
}

// TestFanOutStaleHash checks that a job bound to an older content hash (a
// moved or edited post) does nothing.
func TestFanOutStaleHash(t *testing.T) {
	t.Parallel()
	b := setup(t, store.DialectSQLite, Config{})
	acc := b.accounts(t, 1, relais.OwnerCampaign, "")
	p := b.scheduledPost(t, acc, b.store.Now(), nil)
	require.NoError(t, (&FanOutWorker{s: b.sched}).Work(b.ctx, job(FanOutArgs{PostID: p.ID, ContentHash: "old"}, 1)))
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) error {
		ds, err := tx.Deliveries(p.ID)
		require.Empty(t, ds)
		return err
	}))
}
