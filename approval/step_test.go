package approval_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store/storetest"
)

// TestSecondApprovalStep configures the campaign director (an admin) as
// second approver of the campaign account: the web lead's approval is
// recorded, the post stays in review until the director approves the same
// content, and nobody approves both steps.
func TestSecondApprovalStep(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		director := b.admin
		requireCode(t, relais.EFORBIDDEN, b.svc.SetSecondApprover(as(b.editor), b.campaign.ID, b.editor.ID))
		requireCode(t, relais.EINVALID, b.svc.SetSecondApprover(as(director), b.campaign.ID, b.cm.ID))
		require.NoError(t, b.svc.SetSecondApprover(as(director), b.campaign.ID, director.ID))

		p := b.MustSubmit(b.cm, b.post("Réunion publique jeudi", b.campaign))
		_, err := b.svc.Approve(as(director), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
		requireCode(t, relais.EFORBIDDEN, err) // the director alone cannot make both steps
		p, err = b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
		require.NoError(t, err)
		require.Equal(t, relais.PostInReview, p.State, "first step recorded, post still in review")
		require.Zero(t, b.rec.fanOutCount())
		require.Equal(t, "post.approve_step", b.lastAudit().Action)
		ns := b.rec.notifications(approval.KindSecondStep)
		require.Len(t, ns, 1)
		require.Equal(t, director.ID, ns[0].To[0].ID)

		v, err := b.svc.Get(as(director), p.ID)
		require.NoError(t, err)
		require.True(t, v.MayApprove)
		require.Equal(t, []string{director.Name}, v.AwaitingSecond)
		for _, m := range []*relais.Member{b.editor, b.editor2, b.candidate} {
			_, err = b.svc.Approve(as(m), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
			requireCode(t, relais.EFORBIDDEN, err)
		}
		_, err = b.svc.Approve(as(director), p.ID, approval.ApproveInput{ContentHash: "stale"})
		requireCode(t, relais.ECONFLICT, err)
		p, err = b.svc.Approve(as(director), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
		require.NoError(t, err)
		require.Equal(t, relais.PostScheduled, p.State)
		require.Equal(t, 1, b.rec.fanOutCount())
		v, err = b.svc.Get(as(director), p.ID)
		require.NoError(t, err)
		require.Equal(t, []string{approval.DecisionStep, approval.DecisionApproved}, []string{v.Approvals[0].Decision, v.Approvals[1].Decision})
	})
}

// TestSecondStepStartsOverAfterChanges checks that a request for changes
// voids the first step.
func TestSecondStepStartsOverAfterChanges(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	require.NoError(t, b.svc.SetSecondApprover(as(b.admin), b.campaign.ID, b.admin.ID))
	p := b.MustSubmit(b.cm, b.post("Réunion publique jeudi", b.campaign))
	_, err := b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
	require.NoError(t, err)
	_, err = b.svc.RequestChanges(as(b.admin), p.ID, approval.DecisionInput{Comment: "Précisez l'heure"})
	require.NoError(t, err)
	p, err = b.svc.Submit(as(b.cm), p.ID)
	require.NoError(t, err)
	_, err = b.svc.Approve(as(b.admin), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
	requireCode(t, relais.EFORBIDDEN, err)
	require.NoError(t, b.svc.SetSecondApprover(as(b.admin), b.campaign.ID, 0))
	p, err = b.svc.Approve(as(b.editor2), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
	require.NoError(t, err)
	require.Equal(t, relais.PostScheduled, p.State, "without a second step one approval suffices")
}
