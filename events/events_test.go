package events_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/events"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

type okTone struct{}

func (okTone) Check(text, profile string) (string, json.RawMessage) {
	return "ok", json.RawMessage(`[]`)
}
func (okTone) Signals(text string) (bool, bool, bool) { return false, false, false }

type noJobs struct{}

func (noJobs) EnqueueFanOut(context.Context, *sql.Tx, int64, string, time.Time) error { return nil }

// bundle is an events service on a fresh database with one member per role
// and a campaign account, a district account (11e) and another (12e).
type bundle struct {
	t        *testing.T
	store    *store.Store
	approval *approval.Service
	svc      *events.Service
	members  map[relais.Role]*relais.Member
	campaign *relais.Account
	d11, d12 *relais.Account
}

var districts = []events.District{{ID: "11e", Name: "11e arrondissement"}, {ID: "12e", Name: "12e arrondissement"}}

func setup(t *testing.T, dialect string) *bundle {
	t.Helper()
	s := storetest.Open(t, dialect)
	b := &bundle{t: t, store: s, approval: approval.New(s, okTone{}, noJobs{}, nil), members: map[relais.Role]*relais.Member{}}
	b.svc = events.New(events.Config{Store: s, Approval: b.approval, Districts: districts, BaseURL: "https://relais.example/"})
	require.NoError(t, s.Update(context.Background(), func(tx *store.Tx) error {
		for _, r := range relais.Roles {
			m := &relais.Member{Email: string(r) + "@x.fr", Name: string(r), Role: r}
			require.NoError(t, tx.CreateMember(m, ""))
			b.members[r] = m
		}
		b.campaign = &relais.Account{Platform: relais.PlatformBluesky, Handle: "avecanne", OwnerKind: relais.OwnerCampaign}
		b.d11 = &relais.Account{Platform: relais.PlatformMastodon, Handle: "anne11", OwnerKind: relais.OwnerDistrict, District: "11e arrondissement"}
		b.d12 = &relais.Account{Platform: relais.PlatformMastodon, Handle: "anne12", OwnerKind: relais.OwnerDistrict, District: "12e arrondissement"}
		for _, a := range []*relais.Account{b.campaign, b.d11, b.d12} {
			require.NoError(t, tx.CreateAccount(a, nil))
		}
		return nil
	}))
	return b
}

func (b *bundle) as(r relais.Role) context.Context {
	return relais.NewContextWithMember(context.Background(), b.members[r])
}

// market is a valid event in three days, 09:00-12:00 UTC.
func market() events.Input {
	start := time.Now().UTC().Add(72 * time.Hour).Truncate(time.Hour)
	return events.Input{Title: "Marché d'Aligre avec Anne", Kind: "market", StartsAt: start.Format(time.RFC3339),
		EndsAt: start.Add(3 * time.Hour).Format(time.RFC3339), Place: "Place d'Aligre", District: "12e", Public: true}
}

// counts returns the number of field events and posts stored.
func (b *bundle) counts() (int, int) {
	b.t.Helper()
	var es, ps int
	require.NoError(b.t, b.store.View(context.Background(), func(tx *store.Tx) error {
		e, err := tx.FieldEvents(store.FieldEventFilter{From: &time.Time{}, Limit: 1000})
		require.NoError(b.t, err)
		p, err := tx.Posts(store.PostFilter{Limit: 1000})
		es, ps = len(e), len(p)
		return err
	}))
	return es, ps
}

func TestCreateGeneratesThreeDraftsThroughApproval(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		in := market()
		e, err := b.svc.Create(b.as(relais.RoleCommunityManager), in)
		require.NoError(t, err)
		require.Equal(t, "12e arrondissement", e.District)
		require.True(t, strings.HasPrefix(e.Slug, "marche-d-aligre-avec-anne-"), e.Slug)
		require.Len(t, e.Drafts, 3)
		got, err := b.svc.Get(b.as(relais.RoleColistier), e.ID)
		require.NoError(t, err)
		require.Equal(t, e.Drafts, got.Drafts)
		start, _ := time.Parse(time.RFC3339, in.StartsAt)
		byRole := map[string]*relais.Post{}
		for _, d := range got.Drafts {
			v, err := b.approval.Get(b.as(relais.RoleEditor), d.PostID)
			require.NoError(t, err)
			p := v.Post
			require.Equal(t, relais.PostDraft, p.State)
			require.ElementsMatch(t, []int64{b.campaign.ID, b.d12.ID}, p.Targets, "campaign and the event's district, not 11e")
			byRole[d.Role] = p
		}
		require.Contains(t, byRole[relais.DraftAnnounce].Text, "https://relais.example/e/"+e.Slug)
		require.Contains(t, byRole[relais.DraftAnnounce].Text, "Tournée du marché demain")
		require.True(t, byRole[relais.DraftAnnounce].ScheduledAt.Equal(start.Add(-24*time.Hour)))
		require.Nil(t, byRole[relais.DraftLive].ScheduledAt)
		recap := byRole[relais.DraftRecap].ScheduledAt.In(relais.DefaultLocation())
		end := start.Add(3 * time.Hour).In(relais.DefaultLocation())
		require.Equal(t, 10, recap.Hour())
		require.Equal(t, end.AddDate(0, 0, 1).Format("2006-01-02"), recap.Format("2006-01-02"))
		for _, p := range byRole { // normal review: submitted by the web team, decided by an approver
			sub, err := b.approval.Submit(b.as(relais.RoleCommunityManager), p.ID)
			require.NoError(t, err)
			require.Equal(t, relais.PostInReview, sub.State)
		}
	})
}

func TestCreateRefusesBadInputAndStoresNothing(t *testing.T) {
	b := setup(t, store.DialectSQLite)
	past := time.Now().UTC().Add(-2 * time.Hour).Format(time.RFC3339)
	cases := []struct {
		field string
		edit  func(*events.Input)
	}{
		{"title", func(in *events.Input) { in.Title = "  " }},
		{"title", func(in *events.Input) { in.Title = strings.Repeat("é", events.MaxTitleRunes+1) }},
		{"kind", func(in *events.Input) { in.Kind = "rally" }},
		{"starts_at", func(in *events.Input) { in.StartsAt = "" }},
		{"starts_at", func(in *events.Input) { in.StartsAt = "demain" }},
		{"starts_at", func(in *events.Input) { in.StartsAt = past }},
		{"ends_at", func(in *events.Input) { in.EndsAt = in.StartsAt }},
		{"ends_at", func(in *events.Input) { in.EndsAt = "2099-01-01T00:00:00Z" }},
		{"place", func(in *events.Input) { in.Place = "" }},
		{"district", func(in *events.Input) { in.District = "" }},
		{"district", func(in *events.Input) { in.District = "Lyon 3e" }},
		{"targets", func(in *events.Input) { in.Targets = []approval.Target{{ID: 999999}} }},
	}
	for _, c := range cases {
		in := market()
		c.edit(&in)
		_, err := b.svc.Create(b.as(relais.RoleEditor), in)
		require.Error(t, err, c.field)
		require.Equal(t, relais.EINVALID, relais.ErrorCode(err), "%s: %v", c.field, err)
		require.Equal(t, c.field, relais.ErrorField(err), "%v", err)
	}
	es, ps := b.counts()
	require.Zero(t, es)
	require.Zero(t, ps, "no draft survives a refused event")
}

func TestCreateErrorsSpeakTheMembersLanguage(t *testing.T) {
	b := setup(t, store.DialectSQLite)
	in := market()
	in.Kind = "rally"
	_, err := b.svc.Create(b.as(relais.RoleEditor), in)
	require.Contains(t, relais.ErrorMessage(err), "Type d'événement inconnu")
	b.members[relais.RoleEditor].Lang = "en"
	_, err = b.svc.Create(b.as(relais.RoleEditor), in)
	require.Contains(t, relais.ErrorMessage(err), "Unknown event kind")
}

func TestCreatePolicy(t *testing.T) {
	b := setup(t, store.DialectSQLite)
	_, err := b.svc.Create(b.as(relais.RoleColistier), market())
	require.Equal(t, relais.EFORBIDDEN, relais.ErrorCode(err))
	_, err = b.svc.Create(context.Background(), market())
	require.Equal(t, relais.EUNAUTHORIZED, relais.ErrorCode(err))
	es, ps := b.counts()
	require.Zero(t, es+ps)
	// Without any campaign or district account, the drafts have nowhere to go.
	require.NoError(t, b.store.Update(context.Background(), func(tx *store.Tx) error {
		for _, a := range []*relais.Account{b.campaign, b.d12} {
			require.NoError(t, tx.SetAccountStatus(a.ID, relais.AccountNeedsReconnect))
		}
		return nil
	}))
	_, err = b.svc.Create(b.as(relais.RoleEditor), market())
	require.Equal(t, "targets", relais.ErrorField(err))
}

func TestRSVPPublicEvent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		e, err := b.svc.Create(b.as(relais.RoleEditor), market())
		require.NoError(t, err)
		ctx := context.Background() // no member: a visitor
		added, err := b.svc.RSVP(ctx, e.Slug, "fr", events.RSVPInput{Name: "Inès", Email: "Ines@Example.org", District: "11e", Consent: true})
		require.NoError(t, err)
		require.True(t, added)
		added, err = b.svc.RSVP(ctx, e.Slug, "fr", events.RSVPInput{Name: "Inès bis", Email: "ines@example.org", Consent: true})
		require.NoError(t, err)
		require.False(t, added, "the same address answers once")
		_, err = b.svc.RSVP(ctx, e.Slug, "en", events.RSVPInput{Name: "Paul", Email: "paul@example.org", District: "12e arrondissement", Consent: true})
		require.NoError(t, err)
		_, err = b.svc.RSVP(ctx, e.Slug, "en", events.RSVPInput{Name: "Zoé", Email: "zoe@example.org", Consent: true})
		require.NoError(t, err)
		total, by, err := b.svc.Counts(ctx, e.ID)
		require.NoError(t, err)
		require.Equal(t, 3, total)
		require.Equal(t, map[string]int{"11e arrondissement": 1, "12e arrondissement": 1, "": 1}, by)

		for _, c := range []struct {
			field string
			in    events.RSVPInput
		}{
			{"email", events.RSVPInput{Name: "A", Email: "not-an-address", Consent: true}},
			{"email", events.RSVPInput{Name: "A", Email: "A <a@example.org>", Consent: true}},
			{"email", events.RSVPInput{Name: "A", Email: "a@localhost", Consent: true}},
			{"email", events.RSVPInput{Name: "A", Email: "", Consent: true}},
			{"name", events.RSVPInput{Name: " ", Email: "a@example.org", Consent: true}},
			{"district", events.RSVPInput{Name: "A", Email: "a@example.org", District: "Marseille", Consent: true}},
			{"consent", events.RSVPInput{Name: "A", Email: "a@example.org"}},
		} {
			_, err := b.svc.RSVP(ctx, e.Slug, "en", c.in)
			require.Equal(t, c.field, relais.ErrorField(err), "%v", err)
		}
		_, err = b.svc.RSVP(ctx, e.Slug, "fr", events.RSVPInput{Name: "A", Email: "faux", Consent: true})
		require.Equal(t, "Adresse e-mail invalide.", relais.ErrorMessage(err))
		total, _, _ = b.svc.Counts(ctx, e.ID)
		require.Equal(t, 3, total, "refused answers store nothing")

		list, err := b.svc.RSVPs(b.as(relais.RoleEditor), e.ID)
		require.NoError(t, err)
		require.Len(t, list, 3)
		require.Equal(t, "ines@example.org", list[0].Email)
		for _, r := range []relais.Role{relais.RoleCommunityManager, relais.RoleCandidate, relais.RoleColistier} {
			_, err = b.svc.RSVPs(b.as(r), e.ID)
			require.Equal(t, relais.EFORBIDDEN, relais.ErrorCode(err), r)
		}
	})
}

func TestRSVPRefusedForPrivateUnknownOrPastEvents(t *testing.T) {
	b := setup(t, store.DialectSQLite)
	in := market()
	in.Public = false
	e, err := b.svc.Create(b.as(relais.RoleEditor), in)
	require.NoError(t, err)
	ok := events.RSVPInput{Name: "A", Email: "a@example.org", Consent: true}
	_, err = b.svc.RSVP(context.Background(), e.Slug, "fr", ok)
	require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err))
	_, err = b.svc.RSVP(context.Background(), "nope", "fr", ok)
	require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err))

	pub, err := b.svc.Create(b.as(relais.RoleEditor), market())
	require.NoError(t, err)
	b.store.SetNow(func() time.Time { return pub.EndsAt.Add(time.Minute) })
	_, err = b.svc.RSVP(context.Background(), pub.Slug, "en", ok)
	require.Equal(t, relais.ECONFLICT, relais.ErrorCode(err))
	require.Equal(t, "This event is over.", relais.ErrorMessage(err))
}

func TestReportCountsEventsAndRSVPs(t *testing.T) {
	b := setup(t, store.DialectSQLite)
	e, err := b.svc.Create(b.as(relais.RoleEditor), market())
	require.NoError(t, err)
	for _, mail := range []string{"a@example.org", "b@example.org"} {
		_, err := b.svc.RSVP(context.Background(), e.Slug, "fr", events.RSVPInput{Name: "X", Email: mail, District: "11e", Consent: true})
		require.NoError(t, err)
	}
	now := time.Now().UTC()
	rep, err := b.svc.Report(context.Background(), now, now.AddDate(0, 0, 7))
	require.NoError(t, err)
	require.Len(t, rep, 1)
	require.Equal(t, e.ID, rep[0].Event.ID)
	require.Equal(t, 2, rep[0].RSVPs)
	require.Equal(t, map[string]int{"11e arrondissement": 2}, rep[0].ByDistrict)
	rep, err = b.svc.Report(context.Background(), now.AddDate(0, 0, 7), now.AddDate(0, 0, 14))
	require.NoError(t, err)
	require.Empty(t, rep)
}

func TestICS(t *testing.T) {
	start := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	e := &relais.FieldEvent{ID: 7, Slug: "marche-1", Title: "Marché, d'Aligre; avec Anne", StartsAt: start, EndsAt: start.Add(3 * time.Hour),
		Place: "Place d'Aligre", District: "12e arrondissement"}
	ics := events.ICS(e, "https://relais.example/e/marche-1", start)
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "DTSTART:20261205T090000Z\r\n", "DTEND:20261205T120000Z\r\n",
		`SUMMARY:Marché\, d'Aligre\; avec Anne` + "\r\n", "UID:event-7-marche-1@relais\r\n", "END:VCALENDAR\r\n"} {
		require.Contains(t, ics, want)
	}
	for _, l := range strings.Split(ics, "\r\n") {
		require.LessOrEqual(t, len(l), 75)
	}
}
