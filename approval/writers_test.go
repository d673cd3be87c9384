package approval_test

import (
	"context"
	"encoding/json"
	"github.com/relais/relais/i18n"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store"
)

// TestEditorWhoRewritesCannotApprove: an editor who edits a community
// manager's post in review may not approve it (nor see it in his queue);
// another editor may.
func TestEditorWhoRewritesCannotApprove(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	p := b.MustSubmit(b.cm, b.post("Réunion publique jeudi", b.campaign))
	in := b.post("Réunion publique jeudi, venez nombreux", b.campaign)
	p, err := b.svc.UpdatePost(as(b.editor), p.ID, in)
	require.NoError(t, err)
	require.Equal(t, relais.PostInReview, p.State)

	queue, err := b.svc.Queue(as(b.editor))
	require.NoError(t, err)
	require.Empty(t, queue, "the editor's own rewrite is not his to approve")
	before := b.auditCount()
	_, err = b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
	require.Equal(t, relais.EFORBIDDEN, relais.ErrorCode(err))
	require.Equal(t, before, b.auditCount(), "a refused approval writes nothing")

	p, err = b.svc.Approve(as(b.editor2), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
	require.NoError(t, err)
	require.Equal(t, relais.PostScheduled, p.State)
}

// TestVariantMakesPostSensitive: a platform variant that names an opponent
// routes the post to the candidate even when the main text is routine.
func TestVariantMakesPostSensitive(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	in := b.post("Belle journée au marché", b.anne)
	in.Variants = map[relais.Platform]string{relais.PlatformX: "Dupont n'y était pas, nous si"}
	p := b.MustSubmit(b.cm, in)
	require.Equal(t, approval.ApproverCandidate, p.Routing.Approver)
	require.Contains(t, p.Routing.Reasons, i18n.ReasonOpponent)
	_, err := b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
	require.Equal(t, relais.EFORBIDDEN, relais.ErrorCode(err))
}

// TestCandidatesOwnSensitivePostGoesToEditor: a sensitive post the
// candidate wrote for her account cannot wait for her own approval: an
// editor approves it.
func TestCandidatesOwnSensitivePostGoesToEditor(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	p := b.MustSubmit(b.candidate, b.post("Je m'engage pour 500 logements", b.anne))
	require.Equal(t, approval.ApproverEditor, p.Routing.Approver)
	require.Contains(t, p.Routing.Reasons, i18n.ReasonByCandidate)
	p, err := b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
	require.NoError(t, err)
	require.Equal(t, relais.PostScheduled, p.State)
}

// TestColistierSeesNoStaffDiscussion: a colistier reading a published post
// gets its content, not the web team's comments, decisions or history.
func TestColistierSeesNoStaffDiscussion(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	p := b.MustSubmit(b.cm, b.post("Réunion publique jeudi", b.campaign))
	_, err := b.svc.AddComment(as(b.editor), p.ID, approval.CommentInput{Body: "Le titre est faible, on publie quand même"})
	require.NoError(t, err)
	_, err = b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
	require.NoError(t, err)
	require.NoError(t, b.store.Update(context.Background(), func(tx *store.Tx) error {
		return tx.SetPostState(p.ID, relais.PostPublished)
	}))
	v, err := b.svc.Get(as(b.colistier), p.ID)
	require.NoError(t, err)
	require.Equal(t, "Réunion publique jeudi", v.Text)
	require.Empty(t, v.Comments)
	require.Empty(t, v.Approvals)
	require.Empty(t, v.History)
	staff, err := b.svc.Get(as(b.editor), p.ID)
	require.NoError(t, err)
	require.Len(t, staff.Comments, 1)
	require.NotEmpty(t, staff.History)
}

// TestOverrideSurvivesAMove: an admin's override of a tone block holds for
// the words, so moving the post in the calendar does not block it again.
func TestOverrideSurvivesAMove(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	at := time.Now().Add(3 * time.Hour).UTC().Truncate(time.Minute)
	in := b.post("Quelle honte pour le quartier", b.campaign)
	in.ScheduledAt = &at
	p, err := b.svc.CreatePost(as(b.cm), in)
	require.NoError(t, err)
	_, err = b.svc.Submit(as(b.cm), p.ID)
	require.Equal(t, relais.EBLOCKED, relais.ErrorCode(err))
	p, err = b.svc.Override(as(b.admin), p.ID, "Citation d'un habitant, validée par la directrice")
	require.NoError(t, err)
	p, err = b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
	require.NoError(t, err)
	later := at.Add(24 * time.Hour)
	p, err = b.svc.Reschedule(as(b.editor), p.ID, approval.RescheduleInput{ScheduledAt: &later})
	require.NoError(t, err, "the override holds for the same words at another time")
	require.True(t, p.Tone.Overridden)
}

// TestImageCannotBeOnTwoPosts: an image attached to one post cannot be
// taken by another.
func TestImageCannotBeOnTwoPosts(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	png := []byte("\x89PNG\r\n\x1a\n" + strings.Repeat("\x00", 64))
	img, err := b.svc.Upload(as(b.cm), "affiche.png", png, "Affiche")
	require.NoError(t, err)
	in := b.post("Réunion jeudi", b.campaign)
	in.Media = []int64{img.ID}
	_, err = b.svc.CreatePost(as(b.cm), in)
	require.NoError(t, err)
	_, err = b.svc.CreatePost(as(b.editor), in)
	require.Equal(t, relais.EINVALID, relais.ErrorCode(err))
	require.Equal(t, "media", relais.ErrorField(err))
}

// profileTone warns on "désastreux" for the campaign profile and blocks it
// for the candidate's.
type profileTone struct{ fakeTone }

func (profileTone) Check(text, profile string) (string, json.RawMessage) {
	if strings.Contains(text, "désastreux") {
		if profile == "candidate" {
			return "block", json.RawMessage(`[{"rule":"negative"}]`)
		}
		return "warn", json.RawMessage(`[{"rule":"negative"}]`)
	}
	return "ok", json.RawMessage(`[]`)
}

func (profileTone) Profiles() []string { return []string{"candidate", "campaign", "colistier"} }

// TestStricterProfileSendsApprovedPostsBack: when an account's tone profile
// becomes stricter, an approved post the new rules block goes back to its
// author, and Approve refuses a blocked post.
func TestStricterProfileSendsApprovedPostsBack(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	svc := approval.New(b.store, profileTone{}, b.rec, b.rec)
	at := time.Now().Add(3 * time.Hour).UTC().Truncate(time.Minute)
	in := b.post("Un bilan désastreux pour le quartier", b.campaign)
	in.ScheduledAt = &at
	p, err := svc.CreatePost(as(b.cm), in)
	require.NoError(t, err)
	p, err = svc.Submit(as(b.cm), p.ID)
	require.NoError(t, err)
	require.Equal(t, "warn", p.Tone.Verdict)
	p, err = svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash, AcknowledgeWarnings: true})
	require.NoError(t, err)
	require.Equal(t, relais.PostScheduled, p.State)

	_, err = svc.UpdateAccount(as(b.admin), b.campaign.ID, approval.AccountUpdate{ToneProfile: "candidate"})
	require.NoError(t, err)
	v, err := svc.Get(as(b.editor), p.ID)
	require.NoError(t, err)
	require.Equal(t, relais.PostChangesRequested, v.State, "the approval is voided and the author must rewrite it")
	require.Equal(t, "block", v.Tone.Verdict)
	require.Equal(t, "account.update", b.lastAudit().Action)
	var actions []string
	require.NoError(t, b.store.View(context.Background(), func(tx *store.Tx) error {
		es, err := tx.Audit(store.AuditFilter{PostID: p.ID})
		for _, e := range es {
			actions = append(actions, e.Action)
		}
		return err
	}))
	require.Contains(t, actions, "post.rereview")
}
