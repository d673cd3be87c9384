package scheduler

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestReviewDecideBeforeApprovalSendsNothing: an editor who decides an
// experiment whose variants are still in review must not get a variant
// nobody approved sent to the whole audience.
func TestReviewDecideBeforeApprovalSendsNothing(t *testing.T) {
	t.Parallel()
	b := setupExperiments(t)
	ctx := relais.NewContextWithMember(b.ctx, b.editor)
	parent, err := b.approvals.CreatePost(ctx, approval.PostInput{Text: "Réunion jeudi", Targets: []approval.Target{{ID: b.campaign}}, Sensitive: true})
	require.NoError(t, err)
	v, err := b.svc.CreateExperiment(ctx, analytics.ExperimentInput{PostID: parent.ID, Audience: "colistiers", Sample: 0.5, Metric: "shares",
		DecideAfter: "2h", Variants: []analytics.VariantInput{{Text: "Texte A jamais approuvé"}, {Text: "Texte B jamais approuvé"}}})
	require.NoError(t, err)
	require.Equal(t, analytics.ExpAwaiting, v.State)

	_, err = b.svc.Decide(ctx, v.ID)
	require.Equal(t, relais.ECONFLICT, relais.ErrorCode(err), "an experiment whose variants are unapproved cannot be decided")
	b.decideJob(t, v.ID) // a decide job, had one been enqueued
	for _, vv := range v.Variants {
		var n int64
		storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) (err error) { n, err = tx.CountSuggestions(vv.PostID); return err }))
		require.Zero(t, n, "variant %s was sent to colistiers without approval", vv.Label)
	}
	v, err = b.svc.Experiment(ctx, v.ID)
	require.NoError(t, err)
	require.Equal(t, analytics.ExpAwaiting, v.State)
}
