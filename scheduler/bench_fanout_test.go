package scheduler

import (
	"fmt"
	"testing"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// benchAudience creates the reference campaign: 500 colistiers and 10,000
// supporters over the 17 Paris sectors, and 3 candidate accounts.
func benchAudience(b *testing.B, tb *testBundle) []int64 {
	b.Helper()
	storetest.Must(b, tb.store.Update(tb.ctx, func(tx *store.Tx) error {
		for i := 0; i < 500; i++ {
			m := &relais.Member{Email: fmt.Sprintf("c%d@example.org", i), Name: "C", Role: relais.RoleColistier,
				District: fmt.Sprintf("s%d", i%17), Lang: "fr"}
			if err := tx.CreateMember(m, ""); err != nil {
				return err
			}
		}
		ss := make([]relais.Supporter, 10000)
		for i := range ss {
			ss[i] = relais.Supporter{Email: fmt.Sprintf("s%d@example.org", i), District: fmt.Sprintf("s%d", i%17),
				ConsentAt: &consentAt, ConsentSource: "test", Mobilised: true}
		}
		return tx.CreateSupporters(ss)
	}))
	return tb.accounts(b, 3, relais.OwnerCandidate, "")
}

// BenchmarkFanOut measures one fan_out job for a post on the candidate's
// accounts: 3 deliveries, 500 colistier and 10,000 supporter suggestions
// written, 3 deliver and 11 suggest jobs enqueued, committed.
func BenchmarkFanOut(b *testing.B) {
	for _, dialect := range storetest.Dialects {
		b.Run(dialect, func(b *testing.B) {
			tb := setup(b, dialect, Config{})
			targets := benchAudience(b, tb)
			w := &FanOutWorker{s: tb.sched}
			for b.Loop() {
				b.StopTimer()
				p := tb.scheduledPost(b, targets, tb.store.Now(), map[relais.Platform]string{relais.PlatformX: "variante"})
				b.StartTimer()
				storetest.Must(b, w.Work(tb.ctx, job(FanOutArgs{PostID: p.ID, ContentHash: p.ContentHash}, 1)))
			}
		})
	}
}

// BenchmarkPlainInsert is the baseline: the same 10,500 suggestion rows
// written with plain multi-row INSERTs (1,000 rows each) in one
// transaction, nothing else.
func BenchmarkPlainInsert(b *testing.B) {
	for _, dialect := range storetest.Dialects {
		b.Run(dialect, func(b *testing.B) {
			tb := setup(b, dialect, Config{})
			targets := benchAudience(b, tb)
			p := tb.scheduledPost(b, targets, tb.store.Now(), nil)
			var colistiers, supporters []int64
			storetest.Must(b, tb.store.View(tb.ctx, func(tx *store.Tx) (err error) {
				if colistiers, err = tx.ColistierIDs(nil); err != nil {
					return err
				}
				supporters, err = tx.SupporterIDs(nil)
				return err
			}))
			ss := tb.sched.plan(p, time.Now(), colistiers, supporters)
			for b.Loop() {
				storetest.Must(b, tb.store.Update(tb.ctx, func(tx *store.Tx) error { return tx.InsertSuggestions(ss) }))
			}
		})
	}
}
