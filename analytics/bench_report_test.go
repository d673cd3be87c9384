package analytics_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// BenchmarkWeeklyReport builds the weekly report (this week and the
// previous one, as the report does) over 17 sectors, 10,000 colistier
// suggestions and 100,000 (link, day) click rows, on SQLite and
// PostgreSQL. The target is 300 ms per report.
func BenchmarkWeeklyReport(b *testing.B) {
	for _, dialect := range storetest.Dialects {
		b.Run(dialect, func(b *testing.B) {
			f := newReportFixture(b, dialect)
			w, _ := analytics.ParseWeek("2026-W49", relais.DefaultLocation())
			seedReport(b, f, w)
			svc := analytics.New(f.st, nil, nil)
			ctx := f.as(f.editor)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r, err := svc.Report(ctx, w, "fr")
				if err != nil || len(r.Sectors) < 17 {
					b.Fatal(err, len(r.Sectors))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/report")
		})
	}
}

func seedReport(b *testing.B, f *reportFixture, w analytics.Week) {
	storetest.Must(b, f.st.Update(f.ctx, func(tx *store.Tx) error {
		var members []int64
		for s := 0; s < 17; s++ {
			d := fmt.Sprintf("S%02d", s)
			for c := 0; c < 10; c++ {
				m := &relais.Member{Email: fmt.Sprintf("c%d-%s@example.org", c, d), Name: "C", Role: relais.RoleColistier, District: d}
				if err := tx.CreateMember(m, ""); err != nil {
					return err
				}
				members = append(members, m.ID)
			}
			if err := tx.CreateAccount(&relais.Account{Platform: relais.PlatformX, Handle: "acc" + d, OwnerKind: relais.OwnerDistrict, District: d}, nil); err != nil {
				return err
			}
		}
		ss := make([]relais.Suggestion, 10000)
		for i := range ss {
			ss[i] = relais.Suggestion{PostID: f.fixture.post.ID, MemberID: members[i%len(members)], Text: "x",
				NotBefore: w.From.Add(time.Duration(i%(14*24)) * time.Hour).Add(-7 * 24 * time.Hour)}
		}
		if err := tx.CreateSuggestions(ss); err != nil {
			return err
		}
		ls := make([]store.Link, 2000)
		for i := range ls {
			ls[i] = store.Link{Code: fmt.Sprintf("K%09d", i), PostID: f.fixture.post.ID, Channel: "colistier", District: fmt.Sprintf("S%02d", i%17), URL: "https://a.fr"}
		}
		if err := tx.SaveLinks(ls); err != nil {
			return err
		}
		saved, err := tx.PostLinks(f.fixture.post.ID)
		if err != nil {
			return err
		}
		var cs []store.ClickCount
		for _, l := range saved {
			for d := 0; d < 50; d++ {
				cs = append(cs, store.ClickCount{LinkID: l.ID, Day: w.From.AddDate(0, 0, d-25).Format(time.DateOnly), Clicks: 1})
			}
		}
		return tx.AddClicks(cs)
	}))
}
