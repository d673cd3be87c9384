package scheduler

import (
	"strings"
	"testing"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestDigest: the web team's morning e-mail counts what awaits review and
// names the accounts to reconnect; a colistier hears of her pending
// suggestions.
func TestDigest(t *testing.T) {
	t.Parallel()
	b := setup(t, store.DialectSQLite, Config{})
	editor := b.member(t, "web@example.org", relais.RoleEditor, "")
	col := b.member(t, "claire@example.org", relais.RoleColistier, "11e")
	lead := &relais.Member{Email: "lead@example.org", Name: "Lee", Role: relais.RoleEditor, Lang: "en"}
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error { return tx.CreateMember(lead, "") }))
	ids := b.accounts(t, 1, relais.OwnerCampaign, "")
	p := b.scheduledPost(t, ids, time.Now().Add(time.Hour), nil)
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
		if err := tx.SetPostState(p.ID, relais.PostInReview); err != nil {
			return err
		}
		if err := tx.SetAccountStatus(ids[0], relais.AccountNeedsReconnect); err != nil {
			return err
		}
		return tx.CreateSuggestions([]relais.Suggestion{{PostID: p.ID, MemberID: col.ID, Text: "Partagez !", NotBefore: time.Now()}})
	}))
	require.NoError(t, (&DigestWorker{s: b.sched}).Work(b.ctx, job(DigestArgs{Day: "2026-11-26"}, 1)))

	byTo := map[string]string{}
	for _, m := range b.mailer.sent {
		byTo[m.To[0]] = m.Subject + "\n" + m.Text
	}
	require.Contains(t, byTo[editor.Email], "relais : le point du 2026-11-26\n")
	require.Contains(t, byTo[editor.Email], "- 1 publication en attente de validation\n")
	require.Contains(t, byTo[editor.Email], "- 0 publication diffusée ces dernières 24 h\n", "French: 0 is singular")
	require.Contains(t, byTo[editor.Email], "comptes à reconnecter : mastodon @campaign0")
	require.NotContains(t, byTo[editor.Email], "Hello")
	require.Contains(t, byTo[lead.Email], "relais: digest of 2026-11-26\nHello Lee,")
	require.Contains(t, byTo[lead.Email], "- 1 post awaiting review\n")
	require.Contains(t, byTo[lead.Email], "- 0 posts published in the last 24 hours\n", "English: 0 is plural")
	require.NotContains(t, byTo[lead.Email], "Bonjour")
	require.Contains(t, byTo[col.Email], "relais : 1 publication à partager")
	require.NotContains(t, byTo, b.author.Email, "community managers get no team digest")
	require.Len(t, b.mailer.sent, 3)
}

func TestDigestSchedule(t *testing.T) {
	t.Parallel()
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	s, err := cron.ParseStandard(Spec(paris, DigestAt))
	require.NoError(t, err)
	next := s.Next(time.Date(2026, 3, 28, 12, 0, 0, 0, time.UTC)) // the eve of the DST change
	require.Equal(t, time.Date(2026, 3, 29, 6, 0, 0, 0, time.UTC), next.UTC(), "08:00 CEST")
	require.True(t, strings.HasPrefix(Spec(paris, DigestAt), "CRON_TZ=Europe/Paris"))
}

// TestScheduleFollowsTheCampaignTimeZone (issue 13 item 5): a campaign in
// another time zone gets its digest and its weekly report at 08:00 of its
// own wall clock, through the periodic jobs the scheduler registers.
func TestScheduleFollowsTheCampaignTimeZone(t *testing.T) {
	t.Parallel()
	montreal, err := time.LoadLocation("America/Montreal")
	require.NoError(t, err)
	sunday := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	require.Equal(t, time.Date(2026, 12, 7, 13, 0, 0, 0, time.UTC), schedule(montreal, DigestAt).Next(sunday.Add(12*time.Hour)).UTC(),
		"08:00 EST is 13:00 UTC")
	require.Equal(t, time.Date(2026, 12, 7, 13, 0, 0, 0, time.UTC), schedule(montreal, ReportAt).Next(sunday).UTC(), "Monday 08:00 EST")
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	require.Equal(t, time.Date(2026, 12, 7, 7, 0, 0, 0, time.UTC), schedule(paris, ReportAt).Next(sunday).UTC(), "Monday 08:00 CET")
	require.Equal(t, "CRON_TZ=America/Montreal 0 8 * * 1", Spec(montreal, ReportAt))
}
