package scheduler

import (
	"sync"
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

// TestReviewConcurrentDecideJobsSendWinnerOnce: the decide job due at
// decide_after and the one an editor's early decision enqueued may run
// at once on two workers (or replicas): the winner still goes to the rest
// of the audience once.
func TestReviewConcurrentDecideJobsSendWinnerOnce(t *testing.T) {
	t.Parallel()
	b := setupExperimentsOn(t, store.DialectPostgres)
	v := b.start(t, "shares")
	require.Equal(t, analytics.ExpRunning, v.State)
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = (&ExperimentDecideWorker{s: b.sched}).Work(b.ctx, job(ExperimentDecideArgs{ExperimentID: v.ID}, 1))
		}()
	}
	wg.Wait()
	var n int64
	for _, vv := range v.Variants {
		var k int64
		storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) (err error) { k, err = tx.CountSuggestions(vv.PostID); return err }))
		n += k
	}
	require.EqualValues(t, 50+50+100, n, "the sample's 100 suggestions and the winner's 100 more, once (errors: %v)", errs)
}
