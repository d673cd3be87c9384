package balance_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/balance"
	"github.com/relais/relais/relaying"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestWeekMeterHandComputed: a week of campaign posts counted by hand.
//
//	p1 "Anne au marché d'Aligre"           campaign, published  -> candidate
//	p2 "Anne en réunion publique"          campaign, scheduled  -> candidate
//	p3 "Bravo @claire pour le vote"        campaign, scheduled  -> 11e
//	p4 "Anne et @Paul au conseil"          campaign, approved   -> 12e (case ignored)
//	p5 "Avec @clairette au marché"         campaign, published  -> candidate (another handle)
//	x1 "@claire sur son compte"            candidate's account  -> not counted
//	x2 "@paul brouillon"                   campaign, draft      -> not counted
//	x3 "@paul la semaine dernière"         campaign, published  -> not counted (last week)
//	r1 repost of paul this week                                  -> 12e
//
// Total 6: candidate 3 (50 %), 11e 1 (17 %), 12e 2 (33 %), 13e 0 (0 %).
func TestWeekMeterHandComputed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		st := storetest.Open(t, dialect)
		ctx := context.Background()
		now := time.Date(2026, 12, 2, 10, 0, 0, 0, relais.DefaultLocation()) // a Wednesday
		st.SetNow(func() time.Time { return now.UTC() })
		author := &relais.Member{Email: "cm@x.fr", Name: "cm", Role: relais.RoleCommunityManager}
		camp := &relais.Account{Platform: relais.PlatformMastodon, Handle: "avecanne", OwnerKind: relais.OwnerCampaign}
		anne := &relais.Account{Platform: relais.PlatformMastodon, Handle: "anne", OwnerKind: relais.OwnerCandidate}
		cols := []*relais.Account{
			{Platform: relais.PlatformMastodon, Handle: "claire", OwnerKind: relais.OwnerColistier, District: "11e"},
			{Platform: relais.PlatformBluesky, Handle: "paul", OwnerKind: relais.OwnerColistier, District: "12e"},
			{Platform: relais.PlatformMastodon, Handle: "lea", OwnerKind: relais.OwnerColistier, District: "13e"},
		}
		storetest.Must(t, st.Update(ctx, func(tx *store.Tx) error {
			if err := tx.CreateMember(author, ""); err != nil {
				return err
			}
			for _, a := range append([]*relais.Account{camp, anne}, cols...) {
				if err := tx.CreateAccount(a, nil); err != nil {
					return err
				}
			}
			for _, p := range []struct {
				text  string
				acct  *relais.Account
				state relais.PostState
				at    time.Time
			}{
				{"Anne au marché d'Aligre", camp, relais.PostPublished, now.Add(-24 * time.Hour)},
				{"Anne en réunion publique", camp, relais.PostScheduled, now.Add(48 * time.Hour)},
				{"Bravo @claire pour le vote", camp, relais.PostScheduled, now.Add(2 * time.Hour)},
				{"Anne et @Paul au conseil", camp, relais.PostApproved, now.Add(3 * time.Hour)},
				{"Avec @clairette au marché", camp, relais.PostPublished, now.Add(-2 * time.Hour)},
				{"@claire sur son compte", anne, relais.PostPublished, now.Add(-3 * time.Hour)},
				{"@paul brouillon", camp, relais.PostDraft, now.Add(4 * time.Hour)},
				{"@paul la semaine dernière", camp, relais.PostPublished, now.AddDate(0, 0, -7)},
			} {
				at := p.at.UTC()
				post := &relais.Post{AuthorID: author.ID, Text: p.text, Targets: []int64{p.acct.ID}, ScheduledAt: &at, State: p.state}
				post.ContentHash = post.Hash()
				if err := tx.CreatePost(post); err != nil {
					return err
				}
			}
			return tx.AppendAudit(&relais.AuditEntry{ActorID: author.ID, Actor: "web", Action: relaying.RepostAction,
				Detail: relaying.RepostDetail("avecanne", "at://did:plc:paul/app.bsky.feed.post/3k", "paul", "at://x")})
		}))
		m, err := (&balance.Service{Store: st}).Week(ctx, now)
		require.NoError(t, err)
		require.Equal(t, "2026-W49", m.Week)
		require.Equal(t, 6, m.Total)
		require.Equal(t, 3, m.Candidate)
		require.Equal(t, []balance.Sector{{District: "11e", Posts: 1}, {District: "12e", Posts: 2}, {District: "13e", Posts: 0}}, m.Sectors)
		require.Equal(t, 50, m.Percent(m.Candidate))
		require.Equal(t, 17, m.Percent(1))
		require.Equal(t, 33, m.Percent(2))
	})
}

func TestEmptyWeek(t *testing.T) {
	m := balance.Compute("2026-W49", balance.Input{})
	require.Zero(t, m.Total)
	require.Zero(t, m.Percent(0))
	require.Empty(t, m.Sectors)
}
