package approval_test

import (
	"github.com/relais/relais/i18n"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// TestSensitiveRouting checks who must approve each kind of post and the
// reason shown on the dashboard.
func TestSensitiveRouting(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	cases := []struct {
		name      string
		text      string
		sensitive bool
		campaign  bool
		approver  string
		reason    string
	}{
		{"names an opponent", "Contrairement à Dupont, nous écoutons", false, false, approval.ApproverCandidate, i18n.ReasonOpponent},
		{"pledge", "Demain je m'engage pour les crèches", false, false, approval.ApproverCandidate, i18n.ReasonPledge},
		{"figures", "Nous ouvrirons 40 crèches", false, false, approval.ApproverCandidate, i18n.ReasonFigures},
		{"tone warning", "Un projet un peu ridicule", false, false, approval.ApproverCandidate, i18n.ReasonTone},
		{"marked sensitive", "Bonjour Paris", true, false, approval.ApproverCandidate, i18n.ReasonMarked},
		{"routine", "Je suis au salon de l'agriculture", false, false, approval.ApproverEditor, i18n.ReasonRoutine},
		{"campaign account", "Contrairement à Dupont, nous écoutons", false, true, approval.ApproverEditor, i18n.ReasonNotCandidate},
	}
	for _, c := range cases {
		a := b.anne
		if c.campaign {
			a = b.campaign
		}
		in := b.post(c.text, a)
		in.Sensitive = c.sensitive
		p := b.MustSubmit(b.cm, in)
		require.Equal(t, c.approver, p.Routing.Approver, c.name)
		require.Contains(t, p.Routing.Reasons, c.reason, c.name)

		_, err := b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash, AcknowledgeWarnings: true})
		if c.approver == approval.ApproverCandidate {
			requireCode(t, relais.EFORBIDDEN, err)
			require.Contains(t, relais.ErrorMessage(err), i18n.Reason(i18n.EN, c.reason), c.name)
			_, err = b.svc.Approve(as(b.candidate), p.ID, approval.ApproveInput{ContentHash: p.ContentHash, AcknowledgeWarnings: true})
		}
		require.NoError(t, err, c.name)
	}
}

// TestCandidateNotified checks that a post routed to the candidate reaches
// her live (event for her role only) and by a notification with a one-tap
// link, and that a routine post does not disturb her.
func TestCandidateNotified(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	b.MustSubmit(b.cm, b.post("Je suis au salon de l'agriculture", b.anne))
	require.Empty(t, b.rec.notifications(approval.KindApprovalRequested))

	p := b.MustSubmit(b.cm, b.post("Contrairement à Dupont, nous écoutons", b.anne))
	ns := b.rec.notifications(approval.KindApprovalRequested)
	require.Len(t, ns, 1)
	require.Len(t, ns[0].To, 1)
	require.Equal(t, b.candidate.ID, ns[0].To[0].ID)
	require.Equal(t, "/posts/"+itoa(p.ID), ns[0].Path)
	require.Contains(t, ns[0].Why, i18n.ReasonOpponent)
	var live []relais.Event
	for _, e := range b.rec.events {
		if e.Type == approval.EventApprovalRequested {
			live = append(live, e)
		}
	}
	require.Len(t, live, 1)
	require.Equal(t, []relais.Role{relais.RoleCandidate}, live[0].Audience)
	require.Equal(t, p.ID, live[0].PostID)

	queue, err := b.svc.Queue(as(b.candidate))
	require.NoError(t, err)
	require.NotEmpty(t, queue)
	queue, err = b.svc.Queue(as(b.editor))
	require.NoError(t, err)
	for _, q := range queue {
		require.NotEqual(t, p.ID, q.ID, "the editor's queue holds no post routed to the candidate")
	}
}
