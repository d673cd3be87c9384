package scheduler

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
	supportersvc "github.com/relais/relais/supporters"
)

// TestWeeklyReportMail checks the Monday mail: the whole report in French
// to an editor, only his sector in English to a sector's web lead, with
// the focus rule and the sources; and that it is due Monday 08:00 Paris.
func TestWeeklyReportMail(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite", Config{})
	b.member(t, "editor@example.org", relais.RoleEditor, "")
	lead := &relais.Member{Email: "lead11@example.org", Name: "Lead", Role: relais.RoleEditor, District: "11e", Lang: "en"}
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error { return tx.CreateMember(lead, "") }))
	c11 := b.member(t, "c11@example.org", relais.RoleColistier, "11e")
	b.member(t, "c12@example.org", relais.RoleColistier, "12e")
	p := b.scheduledPost(t, b.accounts(t, 1, relais.OwnerCampaign, ""), b.store.Now(), nil)
	at := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
		return tx.CreateSuggestions([]relais.Suggestion{{PostID: p.ID, MemberID: c11.ID, Text: "x", NotBefore: at}})
	}))
	b.sched.cfg.ReportSeats = map[string]int{"11e": 11, "12e": 9}
	// Two supporters of the 11e join in the week, through the real
	// supporters service as relais serve wires it.
	joined := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	b.store.SetNow(func() time.Time { return joined })
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
		return tx.CreateSupporters([]relais.Supporter{{Email: "s1@example.org", District: "11e", ConsentAt: &joined},
			{Email: "s2@example.org", District: "11e", ConsentAt: &joined}})
	}))
	b.store.SetNow(func() time.Time { return time.Now().UTC() })
	sup := supportersvc.New(b.store, supportersvc.Config{})
	b.sched.cfg.ReportSupporters = func(ctx context.Context, w analytics.Week) (map[string]int64, error) {
		return sup.NewByDistrict(ctx, w.From, w.To)
	}
	require.NoError(t, (&ReportWorker{s: b.sched}).Work(b.ctx, job(ReportArgs{Week: "2026-W49"}, 1)))
	require.Equal(t, 2, b.mailer.count())
	byTo := map[string]string{}
	subjects := map[string]string{}
	for _, m := range b.mailer.sent {
		byTo[m.To[0]], subjects[m.To[0]] = m.Text, m.Subject
	}
	require.Equal(t, "Rapport hebdomadaire 2026-W49", subjects["editor@example.org"])
	require.Contains(t, byTo["editor@example.org"], "Où concentrer l'effort")
	require.Contains(t, byTo["editor@example.org"], "12e")
	require.Equal(t, "Weekly report 2026-W49 — 11e", subjects["lead11@example.org"])
	lt := byTo["lead11@example.org"]
	require.Contains(t, lt, "suggestions shared 0/1")
	require.Contains(t, lt, "Highest score first")
	require.Contains(t, lt, "relais short links")
	require.Contains(t, lt, "new supporters 2 (+2 vs previous week)")
	require.False(t, strings.Contains(lt, "12e"), "a web lead gets her sector only")

	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	sched, err := cron.ParseStandard(Spec(paris, ReportAt))
	require.NoError(t, err)
	next := sched.Next(time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)) // a Sunday
	require.Equal(t, time.Date(2026, 12, 7, 7, 0, 0, 0, time.UTC), next.UTC(), "Monday 08:00 Europe/Paris")
}
