package share_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/share"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

func TestSharePublishesOnOwnAccount(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		f := setup(t, dialect, time.Now().Add(-time.Minute))
		res, err := f.svc.Share(as(f.anne), f.sgA, share.ShareInput{Publish: true})
		require.NoError(t, err)
		require.Equal(t, share.StateShared, res.Suggestion.State)
		require.Contains(t, res.URL, "https://x.com/anne_onze/status/")
		require.Equal(t, []string{"Samedi, porte-à-porte dans le 11e !"}, f.conn.texts)
		require.Len(t, f.audit(t, share.ActionShared), 1)
		require.Len(t, f.audit(t, "suggestion.published"), 1)
		in, err := f.svc.Inbox(as(f.anne))
		require.NoError(t, err)
		require.Equal(t, 1, in.SharedThisWeek)
		require.Zero(t, in.Pending())

		_, err = f.svc.Share(as(f.anne), f.sgA, share.ShareInput{Publish: true})
		requireCode(t, relais.ECONFLICT, err)
		require.Len(t, f.conn.keys, 1, "a second click never publishes twice")
	})
}

func TestShareOnlyOwnSuggestions(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		f := setup(t, dialect, time.Now().Add(-time.Minute))
		_, err := f.svc.Share(as(f.bob), f.sgA, share.ShareInput{Via: "x"})
		requireCode(t, relais.ENOTFOUND, err)
		_, err = f.svc.Decline(as(f.bob), f.sgA)
		requireCode(t, relais.ENOTFOUND, err)
		editor := &relais.Member{ID: 999, Name: "Web", Role: relais.RoleEditor}
		_, err = f.svc.Share(as(editor), f.sgA, share.ShareInput{Via: "x"})
		requireCode(t, relais.ENOTFOUND, err)
		_, err = f.svc.Inbox(t.Context())
		requireCode(t, relais.EUNAUTHORIZED, err)
		require.Empty(t, f.audit(t, share.ActionShared), "refused actions write nothing")
		in, err := f.svc.Inbox(as(f.anne))
		require.NoError(t, err)
		require.Equal(t, share.StatePending, in.Items[0].State)
	})
}

func TestShareStaggeredAndLinks(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		f := setup(t, dialect, time.Now().Add(time.Hour))
		in, err := f.svc.Inbox(as(f.anne))
		require.NoError(t, err)
		require.False(t, in.Items[0].Due)
		require.NotEmpty(t, in.Items[0].Links)
		_, err = f.svc.Share(as(f.anne), f.sgA, share.ShareInput{Publish: true})
		requireCode(t, relais.ECONFLICT, err)
		require.Contains(t, relais.ErrorMessage(err), "staggered")
		require.Empty(t, f.conn.keys)

		// Bob has no account: he shares by link, which is recorded.
		_, err = f.svc.Share(as(f.bob), f.sgB, share.ShareInput{Publish: true})
		requireCode(t, relais.EINVALID, err)
		res, err := f.svc.Share(as(f.bob), f.sgB, share.ShareInput{Via: "bluesky"})
		require.NoError(t, err)
		require.Equal(t, share.StateShared, res.Suggestion.State)
		es := f.audit(t, share.ActionShared)
		require.Len(t, es, 1)
		require.Contains(t, es[0].Detail, "via bluesky")
		require.Equal(t, f.bob.ID, es[0].ActorID)
	})
}

func TestShareEditedTextIsToneChecked(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		f := setup(t, dialect, time.Now().Add(-time.Minute))
		_, err := f.svc.Share(as(f.anne), f.sgA, share.ShareInput{Text: "Un bilan minable", Publish: true})
		requireCode(t, relais.EBLOCKED, err)
		require.Empty(t, f.conn.keys)
		res, err := f.svc.Share(as(f.anne), f.sgA, share.ShareInput{Text: "Samedi, on frappe aux portes du 11e !", Publish: true})
		require.NoError(t, err)
		require.Equal(t, "ok", res.Verdict)
		require.Equal(t, []string{"Samedi, on frappe aux portes du 11e !"}, f.conn.texts)
		require.Contains(t, f.audit(t, share.ActionShared)[0].Detail, "(edited)")
	})
}

func TestShareFailureGoesBackToPending(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		f := setup(t, dialect, time.Now().Add(-time.Minute))
		f.conn.fail = errDown
		_, err := f.svc.Share(as(f.anne), f.sgA, share.ShareInput{Publish: true})
		require.Error(t, err)
		require.Len(t, f.audit(t, share.ActionShareFailed), 1)
		in, err := f.svc.Inbox(as(f.anne))
		require.NoError(t, err)
		require.Equal(t, share.StatePending, in.Items[0].State, "a failed publication can be tried again")
		require.Zero(t, in.SharedThisWeek)
	})
}

func TestShareRefusedDuringBlackout(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		f := setup(t, dialect, time.Now().Add(-time.Minute))
		tomorrow := time.Now().In(relais.DefaultLocation()).AddDate(0, 0, 1).Format("2006-01-02")
		storetest.Must(t, f.st.Update(t.Context(), func(tx *store.Tx) error {
			return tx.AddElectionRound(&relais.ElectionRound{Name: "1er tour", Day: tomorrow, PollsClose: "20:00"})
		}))
		_, err := f.svc.Share(as(f.anne), f.sgA, share.ShareInput{Publish: true})
		requireCode(t, relais.EBLACKOUT, err)
		_, err = f.svc.Share(as(f.bob), f.sgB, share.ShareInput{Via: "x"})
		requireCode(t, relais.EBLACKOUT, err)
		require.Empty(t, f.conn.keys)
		in, err := f.svc.Inbox(as(f.anne))
		require.NoError(t, err)
		require.True(t, in.Blackout)
	})
}

func TestDeclineAndDistricts(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		f := setup(t, dialect, time.Now().Add(-time.Minute))
		sg, err := f.svc.Decline(as(f.bob), f.sgB)
		require.NoError(t, err)
		require.Equal(t, share.StateDeclined, sg.State)
		require.Len(t, f.audit(t, share.ActionDeclined), 1)
		_, err = f.svc.Share(as(f.bob), f.sgB, share.ShareInput{Via: "x"})
		requireCode(t, relais.ECONFLICT, err)
		_, err = f.svc.Share(as(f.anne), f.sgA, share.ShareInput{Via: "x"})
		require.NoError(t, err)

		ds, err := f.svc.Districts(as(f.bob))
		require.NoError(t, err)
		d11, d20 := ds["11e arrondissement"], ds["20e arrondissement"]
		require.Equal(t, 100, d11.Percent())
		require.Equal(t, 1, d11.Recent)
		require.Len(t, d11.Accounts, 1)
		require.Len(t, d11.Posts, 1, "the published post on the district's account")
		require.Equal(t, 0, d20.Percent())
		require.Equal(t, 1, d20.Declined)
		require.Len(t, d20.Colistiers, 1)
	})
}

// TestShareUnknownOutcomeIsNeverResent: a timeout after sending may have
// published the share, so it is marked outcome_unknown, not pending, and
// a second click cannot send it again.
func TestShareUnknownOutcomeIsNeverResent(t *testing.T) {
	t.Parallel()
	f := setup(t, store.DialectSQLite, time.Now().Add(-time.Minute))
	f.conn.fail = &connectors.Error{Class: connectors.OutcomeUnknown, Platform: "x", Message: "timeout after sending"}
	_, err := f.svc.Share(as(f.anne), f.sgA, share.ShareInput{Text: "Samedi, porte-à-porte dans le 11e !", Publish: true})
	requireCode(t, relais.ECONFLICT, err)
	require.Contains(t, relais.ErrorMessage(err), "may be online")
	in, err := f.svc.Inbox(as(f.anne))
	require.NoError(t, err)
	require.Equal(t, share.StateUnknown, in.Items[0].State)
	require.Equal(t, "Samedi, porte-à-porte dans le 11e !", in.Items[0].Text, "the edited text is kept")

	f.conn.fail = nil
	_, err = f.svc.Share(as(f.anne), f.sgA, share.ShareInput{Publish: true})
	requireCode(t, relais.ECONFLICT, err)
	require.Empty(t, f.conn.keys, "nothing was sent again")
}

// TestPublishAnswersToHerProfile: publishing the suggested text on her own
// account checks it against her account's tone profile, even unedited.
func TestPublishAnswersToHerProfile(t *testing.T) {
	t.Parallel()
	f := setup(t, store.DialectSQLite, time.Now().Add(-time.Minute))
	require.NoError(t, f.st.Update(context.Background(), func(tx *store.Tx) error {
		return tx.SetSuggestionText(f.sgA, "Un bilan minable pour le quartier")
	}))
	_, err := f.svc.Share(as(f.anne), f.sgA, share.ShareInput{Publish: true})
	requireCode(t, relais.EBLOCKED, err)
	require.Empty(t, f.conn.keys, "nothing sent")
	in, err := f.svc.Inbox(as(f.anne))
	require.NoError(t, err)
	require.Equal(t, share.StatePending, in.Items[0].State, "still hers to rewrite")
}
