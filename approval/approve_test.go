package approval_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store/storetest"
)

func TestSelfApprovalRefused(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		p := b.MustSubmit(b.editor, b.post("Merci aux bénévoles du marché", b.campaign))
		before := b.auditCount()
		_, err := b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
		requireCode(t, relais.EFORBIDDEN, err)
		require.Contains(t, relais.ErrorMessage(err), "own post")
		require.Equal(t, before, b.auditCount(), "a refused approval writes nothing")
		require.Zero(t, b.rec.fanOutCount())
	})
}

func TestStaleHashRefused(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		p := b.MustSubmit(b.cm, b.post("Réunion publique jeudi", b.campaign))
		_, err := b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: "0123"})
		requireCode(t, relais.ECONFLICT, err)
		require.Equal(t, "content_hash", relais.ErrorField(err))
		_, err = b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{})
		requireCode(t, relais.EINVALID, err)
		v, err := b.svc.Get(as(b.editor), p.ID)
		require.NoError(t, err)
		require.Equal(t, relais.PostInReview, v.State)
		require.Empty(t, v.Approvals)
	})
}

func TestEditAfterApprovalBackToReview(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		at := time.Now().Add(3 * time.Hour).UTC().Truncate(time.Second)
		in := b.post("Réunion publique jeudi à 19h", b.campaign)
		in.ScheduledAt = &at
		p := b.MustSubmit(b.cm, in)
		p, err := b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
		require.NoError(t, err)
		require.Equal(t, relais.PostScheduled, p.State)
		approved := p.ContentHash

		in.Text = "Réunion publique jeudi à 20h"
		p, err = b.svc.UpdatePost(as(b.cm), p.ID, in)
		require.NoError(t, err)
		require.Equal(t, relais.PostInReview, p.State)
		require.NotEqual(t, approved, p.ContentHash)
		require.True(t, strings.HasPrefix(b.lastAudit().Detail, "@history.edit_voided?hash="), b.lastAudit().Detail)
		_, err = b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: approved})
		requireCode(t, relais.ECONFLICT, err)
		_, err = b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
		require.NoError(t, err)
		require.Equal(t, 2, b.rec.fanOutCount(), "the fan-out bound to the old hash does nothing; a new one is queued")
	})
}

func TestWarnMustBeAcknowledged(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	p := b.MustSubmit(b.cm, b.post("Un projet un peu ridicule", b.campaign))
	require.Equal(t, "warn", p.Tone.Verdict)
	_, err := b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
	requireCode(t, relais.EINVALID, err)
	require.Equal(t, "acknowledge_warnings", relais.ErrorField(err))
	_, err = b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash, AcknowledgeWarnings: true})
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(b.lastAudit().Detail, "@history.scheduled_ack?at="), b.lastAudit().Detail)
}

func TestOverrideOnlyByAdminWithReason(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		p, err := b.svc.CreatePost(as(b.cm), b.post("Quelle honte, ce projet", b.campaign))
		require.NoError(t, err)
		_, err = b.svc.Submit(as(b.cm), p.ID)
		requireCode(t, relais.EBLOCKED, err)
		before := b.auditCount()
		for _, m := range []*relais.Member{b.cm, b.editor, b.candidate, b.colistier} {
			_, err = b.svc.Override(as(m), p.ID, "parce que")
			requireCode(t, relais.EFORBIDDEN, err)
		}
		_, err = b.svc.Override(as(b.admin), p.ID, "   ")
		requireCode(t, relais.EINVALID, err)
		require.Equal(t, "reason", relais.ErrorField(err))
		require.Equal(t, before, b.auditCount())

		p, err = b.svc.Override(as(b.admin), p.ID, "citation d'un article, validée par la directrice")
		require.NoError(t, err)
		require.Equal(t, relais.PostInReview, p.State)
		e := b.lastAudit()
		require.Equal(t, "post.override", e.Action)
		require.Equal(t, b.admin.ID, e.ActorID)
		key, params, ok := i18n.Decode(e.Detail)
		require.True(t, ok, e.Detail)
		require.Equal(t, "history.override", key)
		require.Equal(t, "citation d'un article, validée par la directrice", params["reason"])
	})
}

func TestWrongTransitionsWriteNothing(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		draft, err := b.svc.CreatePost(as(b.cm), b.post("Brouillon", b.campaign))
		require.NoError(t, err)
		review := b.MustSubmit(b.cm, b.post("En revue", b.campaign))
		before := b.auditCount()
		_, err = b.svc.Approve(as(b.editor), draft.ID, approval.ApproveInput{ContentHash: draft.ContentHash})
		requireCode(t, relais.ECONFLICT, err)
		_, err = b.svc.Submit(as(b.cm), review.ID)
		requireCode(t, relais.ECONFLICT, err)
		_, err = b.svc.Reject(as(b.editor), review.ID, approval.DecisionInput{Comment: "  "})
		requireCode(t, relais.EINVALID, err)
		require.Equal(t, "comment", relais.ErrorField(err))
		_, err = b.svc.RequestChanges(as(b.editor), review.ID, approval.DecisionInput{})
		requireCode(t, relais.EINVALID, err)
		_, err = b.svc.Approve(as(b.editor), 9999, approval.ApproveInput{ContentHash: "x"})
		requireCode(t, relais.ENOTFOUND, err)
		_, err = b.svc.Reject(as(b.cm), review.ID, approval.DecisionInput{Comment: "non"})
		requireCode(t, relais.EFORBIDDEN, err)
		_, err = b.svc.Approve(as(b.colistier), review.ID, approval.ApproveInput{ContentHash: review.ContentHash})
		requireCode(t, relais.EFORBIDDEN, err)
		_, err = b.svc.Submit(as(b.candidate), draft.ID)
		requireCode(t, relais.EFORBIDDEN, err)
		require.Equal(t, before, b.auditCount(), "refused transitions write no audit entry")
		v, err := b.svc.Get(as(b.editor), review.ID)
		require.NoError(t, err)
		require.Equal(t, relais.PostInReview, v.State)
		require.Empty(t, v.Approvals)

		p, err := b.svc.RequestChanges(as(b.editor), review.ID, approval.DecisionInput{Comment: "Ajoutez l'adresse"})
		require.NoError(t, err)
		require.Equal(t, relais.PostChangesRequested, p.State)
		require.Equal(t, i18n.Code("history.decision", "text", "Ajoutez l'adresse"), b.lastAudit().Detail)
	})
}
