package analytics_test

import (
	"context"
	"encoding/csv"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
	"github.com/relais/relais/supporters"
)

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// reportFixture writes the hand-computed week 2026-W49 (Monday 30
// November 00:00 Paris = 29 November 23:00 UTC) and its previous week.
type reportFixture struct {
	*fixture
	d11, col12, campaign *relais.Account
}

func (f *reportFixture) post(t testing.TB, at time.Time, accounts ...*relais.Account) (*relais.Post, []*relais.Delivery) {
	p := &relais.Post{AuthorID: f.editor.ID, Text: "x", State: relais.PostPublished}
	for _, a := range accounts {
		p.Targets = append(p.Targets, a.ID)
	}
	p.ContentHash = p.Hash()
	var ds []*relais.Delivery
	storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) (err error) {
		if err = tx.CreatePost(p); err != nil {
			return err
		}
		if ds, err = tx.CreateDeliveries(p.ID, p.Targets, func(id int64) string { return "k" }); err != nil {
			return err
		}
		for _, d := range ds {
			d.State, d.PublishedAt, d.RemoteID = relais.DeliveryPublished, &at, "r"
			if err := tx.UpdateDelivery(d); err != nil {
				return err
			}
		}
		return nil
	}))
	return p, ds
}

func (f *reportFixture) suggestions(t testing.TB, postID int64, m *relais.Member, at time.Time, states ...string) {
	storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error {
		for _, st := range states {
			if err := tx.CreateSuggestions([]relais.Suggestion{{PostID: postID, MemberID: m.ID, Text: "x", NotBefore: at}}); err != nil {
				return err
			}
			ss, err := tx.MemberSuggestions(m.ID)
			if err != nil {
				return err
			}
			if err := tx.SetSuggestionState(ss[0].ID, st); err != nil {
				return err
			}
		}
		return nil
	}))
}

// supporter creates a supporter of district at created, with a consent
// given at consent (none when zero).
func (f *reportFixture) supporter(t testing.TB, email, district string, created, consent time.Time) {
	s := relais.Supporter{Email: email, District: district}
	if !consent.IsZero() {
		s.ConsentAt = &consent
	}
	f.st.SetNow(func() time.Time { return created })
	defer f.st.SetNow(func() time.Time { return time.Now().UTC() })
	storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error { return tx.CreateSupporters([]relais.Supporter{s}) }))
}

// newSupporters writes the week's supporters: 11e 3 new this week, 1 the
// previous week; 12e none this week, 2 the previous week; 13e (known only
// from its supporters) 1 this week.
func (f *reportFixture) newSupporters(t testing.TB) {
	var none time.Time
	// 11e this week: created and consenting on Tuesday; created in October
	// without consent, consenting on Wednesday; imported on Thursday with a
	// consent of 2024. Not counted: created this week without consent, and
	// consenting Monday 7 December 00:30 Paris (next week).
	f.supporter(t, "s1@example.org", "11e", utc("2026-12-01T09:00:00Z"), utc("2026-12-01T09:00:00Z"))
	f.supporter(t, "s2@example.org", "11e", utc("2026-10-01T09:00:00Z"), utc("2026-12-02T09:00:00Z"))
	f.supporter(t, "s3@example.org", "11e", utc("2026-12-03T09:00:00Z"), utc("2024-05-01T09:00:00Z"))
	f.supporter(t, "s4@example.org", "11e", utc("2026-12-03T09:00:00Z"), none)
	f.supporter(t, "s5@example.org", "11e", utc("2026-11-20T09:00:00Z"), utc("2026-12-06T23:30:00Z"))
	// 11e previous week: one, consenting Sunday 29 November 23:30 Paris.
	f.supporter(t, "p1@example.org", "11e", utc("2026-11-29T22:30:00Z"), utc("2026-11-29T22:30:00Z"))
	f.supporter(t, "p2@example.org", "12e", utc("2026-11-24T09:00:00Z"), utc("2026-11-24T09:00:00Z"))
	f.supporter(t, "p3@example.org", "12e", utc("2026-11-25T09:00:00Z"), utc("2026-11-25T09:00:00Z"))
	f.supporter(t, "n1@example.org", "13e", utc("2026-12-04T09:00:00Z"), utc("2026-12-04T09:00:00Z"))
}

func newReportFixture(t testing.TB, dialect string) *reportFixture {
	f := &reportFixture{fixture: newFixture(t, dialect)}
	f.d11 = &relais.Account{Platform: relais.PlatformBluesky, Handle: "d11", OwnerKind: relais.OwnerDistrict, District: "11e"}
	f.col12 = &relais.Account{Platform: relais.PlatformBluesky, Handle: "c12", OwnerKind: relais.OwnerColistier, District: "12e"}
	f.campaign = f.account
	storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error {
		if err := tx.CreateAccount(f.d11, nil); err != nil {
			return err
		}
		return tx.CreateAccount(f.col12, nil)
	}))
	return f
}

// TestWeeklyReportHandComputed checks every figure of a week against the
// values computed by hand in the comments, on SQLite and PostgreSQL.
func TestWeeklyReportHandComputed(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		f := newReportFixture(t, dialect)
		c11b := &relais.Member{Email: "c11b@example.org", Name: "B", Role: relais.RoleColistier, District: "11e"}
		c12 := &relais.Member{Email: "c12@example.org", Name: "C", Role: relais.RoleColistier, District: "12e"}
		storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error {
			if err := tx.CreateMember(c11b, ""); err != nil {
				return err
			}
			return tx.CreateMember(c12, "")
		}))
		// P1 on the 11e's account and the campaign's (in the week); P2 on the
		// campaign's only; P3 on the 12e's (previous week); P4 on the 11e's at
		// Monday 7 December 00:30 Paris (next week).
		p1, ds1 := f.post(t, utc("2026-12-01T10:00:00Z"), f.d11, f.campaign)
		f.post(t, utc("2026-12-02T10:00:00Z"), f.campaign)
		f.post(t, utc("2026-11-25T10:00:00Z"), f.col12)
		f.post(t, utc("2026-12-06T23:30:00Z"), f.d11)
		// Suggestions: 11e this week 4 (2 shared, 1 declined, 1 pending), last week 2 shared;
		// 12e this week 2 (1 shared, 1 declined), last week 1 declined. The first
		// 11e one is offered Monday 00:10 Paris (Sunday 23:10 UTC): in the week.
		f.suggestions(t, p1.ID, f.colist, utc("2026-11-29T23:10:00Z"), "shared", "shared", "declined")
		f.suggestions(t, p1.ID, c11b, utc("2026-12-03T09:00:00Z"), "pending")
		f.suggestions(t, p1.ID, c12, utc("2026-12-04T09:00:00Z"), "shared", "declined")
		f.suggestions(t, p1.ID, f.colist, utc("2026-11-25T09:00:00Z"), "shared", "shared")
		f.suggestions(t, p1.ID, c12, utc("2026-11-25T09:00:00Z"), "declined")
		// Clicks: 11e 5 (Mon 30) + 2 (Sun 6) = 7 this week, 7 last week (Sun 29), 100 next week; 12e 4.
		storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error {
			if err := tx.SaveLinks([]store.Link{{Code: "L11aaaaaaa", PostID: p1.ID, Channel: "colistier", District: "11e", URL: "https://a.fr"},
				{Code: "L12aaaaaaa", PostID: p1.ID, Channel: "colistier", District: "12e", URL: "https://a.fr"}}); err != nil {
				return err
			}
			ls, err := tx.PostLinks(p1.ID)
			if err != nil {
				return err
			}
			id := map[string]int64{ls[0].District: ls[0].ID, ls[1].District: ls[1].ID}
			return tx.AddClicks([]store.ClickCount{{LinkID: id["11e"], Day: "2026-11-30", Clicks: 5}, {LinkID: id["11e"], Day: "2026-12-06", Clicks: 2},
				{LinkID: id["11e"], Day: "2026-12-07", Clicks: 100}, {LinkID: id["11e"], Day: "2026-11-29", Clicks: 7},
				{LinkID: id["12e"], Day: "2026-12-03", Clicks: 4}})
		}))
		// Engagement of P1 on the 11e's account: latest good collection (+24h)
		// 10 likes + 2 reposts + 1 reply + quotes missing = 13; +72h failed.
		var d11 int64
		for _, d := range ds1 {
			if d.AccountID == f.d11.ID {
				d11 = d.ID
			}
		}
		at := utc("2026-12-02T10:00:00Z")
		storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error {
			return tx.SaveMetrics([]store.MetricsPoint{
				{DeliveryID: d11, StepHours: 1, At: at, Likes: connectors.Count(1), Reposts: connectors.Count(0)},
				{DeliveryID: d11, StepHours: 24, At: at, Likes: connectors.Count(10), Reposts: connectors.Count(2), Replies: connectors.Count(1)},
				{DeliveryID: d11, StepHours: 72, At: at, Error: "the platform refused"}})
		}))

		f.newSupporters(t)

		svc := analytics.New(f.st, nil, nil)
		svc.Seats = map[string]int{"11e": 11, "12e": 9}
		w, err := analytics.ParseWeek("2026-W49", relais.DefaultLocation())
		require.NoError(t, err)
		bare, err := svc.Report(f.as(f.editor), w, "en")
		require.NoError(t, err)
		require.Len(t, bare.Sectors, 2, "without the supporters service, no district comes from supporters")
		require.Nil(t, bare.Sectors[0].NewSupporters, "without the supporters service: not available, not zero")
		require.Contains(t, bare.Sources["new_supporters"], analytics.NotAvailable)

		sup := supporters.New(f.st, supporters.Config{})
		svc.NewSupporters = func(ctx context.Context, w analytics.Week) (map[string]int64, error) {
			return sup.NewByDistrict(ctx, w.From, w.To)
		}
		r, err := svc.Report(f.as(f.editor), w, "en")
		require.NoError(t, err)
		require.Equal(t, "2026-W49", r.Week)
		require.Len(t, r.Sectors, 3)
		half, minusHalf := 0.5, -0.5
		e13 := int64(13)
		n0, n1, n3, plus1, plus2, minus2 := int64(0), int64(1), int64(3), int64(1), int64(2), int64(-2)
		require.Equal(t, analytics.SectorRow{District: "11e", Seats: 11, PostsPublished: 1, Sent: 4, Shared: 2, Declined: 1, ShareRate: &half,
			Clicks: 7, Engagement: &e13, NewSupporters: &n3,
			Change: &analytics.Change{PostsPublished: 1, Shared: 0, Clicks: 0, ShareRate: &minusHalf, NewSupporters: &plus2}}, r.Sectors[0])
		require.Equal(t, analytics.SectorRow{District: "12e", Seats: 9, PostsPublished: 0, Sent: 2, Shared: 1, Declined: 1, ShareRate: &half,
			Clicks: 4, NewSupporters: &n0, Change: &analytics.Change{PostsPublished: -1, Shared: 1, Clicks: 4, ShareRate: &half, NewSupporters: &minus2}}, r.Sectors[1])
		require.Equal(t, analytics.SectorRow{District: "13e", Seats: 1, NewSupporters: &n1, Change: &analytics.Change{NewSupporters: &plus1}}, r.Sectors[2])
		require.Equal(t, int64(1), r.Balance.Candidate)
		require.Equal(t, int64(1), r.Balance.Colistiers)
		require.Equal(t, []analytics.Focus{{District: "11e", Score: 5.5}, {District: "12e", Score: 4.5}, {District: "13e", Score: 1}}, r.Focus)
		require.Equal(t, analytics.FocusRule[1], r.FocusRule)
		require.Equal(t, analytics.SourceSupporters, r.Sources["new_supporters"])
		checkSupportersOut(t, r)
		_, err = svc.Report(f.as(f.colist), w, "fr")
		require.Equal(t, relais.EFORBIDDEN, relais.ErrorCode(err))
	})
}

// checkSupportersOut checks the new supporters and their change in the
// CSV and the e-mail text.
func checkSupportersOut(t *testing.T, r *analytics.WeeklyReport) {
	var b strings.Builder
	require.NoError(t, analytics.WriteCSV(&b, r))
	rows, err := csv.NewReader(strings.NewReader(strings.SplitN(b.String(), "\n\n", 2)[0])).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	got := map[string][2]string{}
	for _, row := range rows[1:] {
		got[row[col["district"]]] = [2]string{row[col["new_supporters"]], row[col["new_supporters_change"]]}
	}
	require.Equal(t, map[string][2]string{"11e": {"3", "2"}, "12e": {"0", "-2"}, "13e": {"1", "1"}}, got)
	require.Contains(t, analytics.MailText(r, "en", "12e", relais.DefaultLocation()), "new supporters 0 (-2 vs previous week)")
	require.Contains(t, analytics.MailText(r, "fr", "11e", relais.DefaultLocation()), "nouveaux soutiens 3 (+2 par rapport à la semaine précédente)")
}

// TestParseWeek checks week parsing and its field errors.
func TestParseWeek(t *testing.T) {
	w, err := analytics.ParseWeek("2026-W53", relais.DefaultLocation())
	require.NoError(t, err, "2026 has 53 ISO weeks")
	require.Equal(t, "2026-12-28", w.From.Format(time.DateOnly))
	w, err = analytics.ParseWeek("2026-W01", relais.DefaultLocation())
	require.NoError(t, err)
	require.Equal(t, "2025-12-29", w.From.Format(time.DateOnly))
	require.Equal(t, "2025-W52", w.Previous().String())
	for _, bad := range []string{"", "2026", "2026-W54", "2025-W53", "2026-W00", "2026-w10", "2026-W1x", "１２３４-W01", "1999-W10"} {
		_, err := analytics.ParseWeek(bad, relais.DefaultLocation())
		require.Equal(t, relais.EINVALID, relais.ErrorCode(err), bad)
		require.Equal(t, "week", relais.ErrorField(err), bad)
	}
}

// FuzzParseWeek checks that parsing never panics and that what parses
// prints back the same.
func FuzzParseWeek(f *testing.F) {
	for _, s := range []string{"2026-W49", "2026-W53", "0000-W00", "9999-W99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if w, err := analytics.ParseWeek(s, relais.DefaultLocation()); err == nil && w.String() != s {
			t.Fatalf("%q parsed as %s", s, w)
		}
	})
}

// TestDistrictLess checks the report's order of districts.
func TestDistrictLess(t *testing.T) {
	names := []string{"10e arrondissement", "Paris Centre", "5e arrondissement", "20e arrondissement", "9e arrondissement"}
	sort.Slice(names, func(i, j int) bool { return analytics.DistrictLess(names[i], names[j]) })
	require.Equal(t, []string{"Paris Centre", "5e arrondissement", "9e arrondissement", "10e arrondissement", "20e arrondissement"}, names)
}
