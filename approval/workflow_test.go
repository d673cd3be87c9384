package approval_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
	"github.com/relais/relais/textdiff"
)

// An author edits after a request for changes: the approver sees the words
// removed and added since the text she sent back.
func TestEditAfterChangesRequestedShowsDiff(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		p := b.MustSubmit(b.cm, b.post("Réunion publique jeudi au gymnase", b.campaign))
		p, err := b.svc.RequestChanges(as(b.editor), p.ID, approval.DecisionInput{ContentHash: p.ContentHash, Comment: "Précisez l'heure"})
		require.NoError(t, err)
		v, err := b.svc.Get(as(b.cm), p.ID)
		require.NoError(t, err)
		require.True(t, v.MayEdit, "the author may edit a post sent back to her")
		require.Nil(t, v.Diff)
		in := b.post("Réunion publique jeudi à 19h au gymnase", b.campaign)
		_, err = b.svc.UpdatePost(as(b.cm), p.ID, in)
		require.NoError(t, err)
		in.Text = "Réunion publique jeudi à 19h30 au gymnase"
		_, err = b.svc.UpdatePost(as(b.cm), p.ID, in)
		require.NoError(t, err)
		_, err = b.svc.Submit(as(b.cm), p.ID)
		require.NoError(t, err)
		v, err = b.svc.Get(as(b.editor), p.ID)
		require.NoError(t, err)
		require.Equal(t, []textdiff.Part{{Op: textdiff.Same, Text: "Réunion publique jeudi "},
			{Op: textdiff.Added, Text: "à 19h30 "}, {Op: textdiff.Same, Text: "au gymnase"}}, v.Diff,
			"the diff is against the text the approver sent back, not the intermediate edit")
		_, err = b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: v.ContentHash})
		require.NoError(t, err)
	})
}

// Editing an approved post sends it back to review with a diff against
// the approved text.
func TestEditApprovedShowsDiff(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		at := time.Now().Add(3 * time.Hour).UTC().Truncate(time.Second)
		in := b.post("Le bilan du maire est désastreux", b.campaign)
		in.ScheduledAt = &at
		p := b.MustSubmit(b.cm, in)
		_, err := b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
		require.NoError(t, err)
		in.Text = "Le bilan du maire est décevant"
		p, err = b.svc.UpdatePost(as(b.cm), p.ID, in)
		require.NoError(t, err)
		require.Equal(t, relais.PostInReview, p.State)
		v, err := b.svc.Get(as(b.editor), p.ID)
		require.NoError(t, err)
		require.Equal(t, []textdiff.Part{{Op: textdiff.Same, Text: "Le bilan du maire est "},
			{Op: textdiff.Removed, Text: "désastreux"}, {Op: textdiff.Added, Text: "décevant"}}, v.Diff)
		col, err := b.svc.Get(as(b.admin), p.ID)
		require.NoError(t, err)
		require.NotNil(t, col.Diff)
	})
}

func TestDeleteDraftsAndRejectedOnly(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		draft, err := b.svc.CreatePost(as(b.cm), b.post("Brouillon bloqué", b.campaign))
		require.NoError(t, err)
		_, err = b.svc.Delete(as(b.candidate), draft.ID)
		requireCode(t, relais.EFORBIDDEN, err)
		inReview := b.MustSubmit(b.cm, b.post("En validation", b.campaign))
		_, err = b.svc.Delete(as(b.cm), inReview.ID)
		requireCode(t, relais.ECONFLICT, err)
		key, _ := relais.ErrorKey(err)
		require.Equal(t, "error.delete_state", key)

		p, err := b.svc.Delete(as(b.cm), draft.ID)
		require.NoError(t, err)
		require.Equal(t, relais.PostDeleted, p.State)
		require.Equal(t, "post.delete", b.lastAudit().Action)
		require.Equal(t, "@history.was?state=draft", b.lastAudit().Detail)
		posts, err := b.svc.Posts(as(b.editor), store.PostFilter{})
		require.NoError(t, err)
		for _, q := range posts {
			require.NotEqual(t, draft.ID, q.ID, "a deleted post is listed nowhere")
		}
		_, err = b.svc.Reject(as(b.editor), inReview.ID, approval.DecisionInput{ContentHash: inReview.ContentHash, Comment: "Non"})
		require.NoError(t, err)
		_, err = b.svc.Delete(as(b.cm), inReview.ID)
		require.NoError(t, err)
	})
}

func TestDuplicateMakesAnUnscheduledDraft(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		at := time.Now().Add(5 * time.Hour).UTC().Truncate(time.Second)
		in := b.post("Rendez-vous au marché", b.campaign, b.anne)
		in.ScheduledAt, in.Variants = &at, map[relais.Platform]string{relais.PlatformX: "Marché !"}
		src := b.MustSubmit(b.editor, in)
		p, err := b.svc.Duplicate(as(b.cm), src.ID)
		require.NoError(t, err)
		require.NotEqual(t, src.ID, p.ID)
		require.Equal(t, relais.PostDraft, p.State)
		require.Equal(t, b.cm.ID, p.AuthorID)
		require.Nil(t, p.ScheduledAt)
		require.Equal(t, src.Text, p.Text)
		require.Equal(t, "Marché !", p.Variants[relais.PlatformX])
		require.ElementsMatch(t, src.Targets, p.Targets)
		require.Equal(t, "post.duplicate", b.lastAudit().Action)
		_, err = b.svc.Duplicate(as(b.colistier), src.ID)
		requireCode(t, relais.EFORBIDDEN, err)
	})
}

// A date inside a declared blackout is refused when the post is written,
// naming the field and the window's end.
func TestBlackoutRefusedAtCompose(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		day := time.Now().In(relais.DefaultLocation()).AddDate(0, 0, 10)
		_, err := b.svc.AddElectionRound(as(b.admin), relais.ElectionRound{Name: "1er tour", Day: day.Format("2006-01-02"), PollsClose: "20:00"})
		require.NoError(t, err)
		inside := time.Date(day.Year(), day.Month(), day.Day(), 9, 0, 0, 0, relais.DefaultLocation())
		in := b.post("Votez !", b.campaign)
		in.ScheduledAt = &inside
		_, err = b.svc.CreatePost(as(b.cm), in)
		requireCode(t, relais.EBLACKOUT, err)
		require.Equal(t, "scheduled_at", relais.ErrorField(err))
		key, params := relais.ErrorKey(err)
		require.Equal(t, "error.blackout", key)
		end := time.Date(day.Year(), day.Month(), day.Day(), 20, 0, 0, 0, relais.DefaultLocation())
		require.Equal(t, end.UTC().Format(time.RFC3339), params["until"])

		outside := end.Add(time.Hour)
		in.ScheduledAt = &outside
		p, err := b.svc.CreatePost(as(b.cm), in)
		require.NoError(t, err)
		in.ScheduledAt = &inside
		_, err = b.svc.UpdatePost(as(b.cm), p.ID, in)
		requireCode(t, relais.EBLACKOUT, err)
	})
}

// A post's language is detected from its text, may be chosen, and an
// unknown one is a field error.
func TestPostLanguage(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		p, err := b.svc.CreatePost(as(b.cm), b.post("Join us tomorrow for a public meeting", b.campaign))
		require.NoError(t, err)
		require.Equal(t, "en", p.Lang)
		in := b.post("Réunion publique jeudi à 19h", b.campaign)
		p, err = b.svc.UpdatePost(as(b.cm), p.ID, in)
		require.NoError(t, err)
		require.Equal(t, "fr", p.Lang, "detected again from the new text")
		in.Lang = "en"
		p, err = b.svc.UpdatePost(as(b.cm), p.ID, in)
		require.NoError(t, err)
		require.Equal(t, "en", p.Lang, "the author's choice wins")
		v, err := b.svc.Get(as(b.editor), p.ID)
		require.NoError(t, err)
		require.Equal(t, "en", v.Lang, "stored")
		in.Lang = "de"
		_, err = b.svc.UpdatePost(as(b.cm), p.ID, in)
		requireCode(t, relais.EINVALID, err)
		require.Equal(t, "lang", relais.ErrorField(err))
		p, err = b.svc.CreatePost(as(b.cm), b.post("Anne Valois 2026", b.campaign))
		require.NoError(t, err)
		require.Equal(t, "fr", p.Lang, "no sign: French, the campaign's language")
	})
}
