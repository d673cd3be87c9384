package scheduler

import (
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// blockTone blocks any text saying "INTERDIT" (the campaign's tone rules).
type blockTone struct{}

func (blockTone) Check(text, _ string) (string, json.RawMessage) {
	if strings.Contains(text, "INTERDIT") {
		return "block", json.RawMessage(`[{"rule":"test"}]`)
	}
	return "ok", json.RawMessage(`[]`)
}
func (blockTone) Signals(string) (bool, bool, bool) { return false, false, false }

// TestExperimentFailingVariantWritesNothing makes the third variant fail
// the tone rules after the first two passed: the creation is refused with
// that variant's field and leaves no post, experiment, recipient or audit
// entry behind.
func TestExperimentFailingVariantWritesNothing(t *testing.T) {
	t.Parallel()
	b := setupExperiments(t)
	events := &countEvents{}
	b.approvals = approval.New(b.store, blockTone{}, b.sched, events)
	b.svc.Posts = b.approvals
	ctx := relais.NewContextWithMember(b.ctx, b.editor)
	draft, err := b.approvals.CreatePost(ctx, approval.PostInput{Text: "Réunion jeudi", Targets: []approval.Target{{ID: b.campaign}}})
	require.NoError(t, err)
	before := b.rowCounts(t)
	_, err = b.svc.CreateExperiment(ctx, analytics.ExperimentInput{PostID: draft.ID, Audience: "colistiers", Sample: 0.2, Metric: "shares",
		DecideAfter: "2h", Variants: []analytics.VariantInput{{Text: "Venez jeudi"}, {Text: "Jeudi, on vous attend"}, {Text: "INTERDIT jeudi"}}})
	require.Equal(t, relais.EBLOCKED, relais.ErrorCode(err), "%v", err)
	require.Equal(t, "variants[2].text", relais.ErrorField(err))
	require.Equal(t, before, b.rowCounts(t), "nothing written")
	require.Zero(t, events.n.Load(), "no event about variants that do not exist")

	// The same experiment without the blocked variant is created, and the
	// submission of its variants announced once it is.
	v, err := b.svc.CreateExperiment(ctx, analytics.ExperimentInput{PostID: draft.ID, Audience: "colistiers", Sample: 0.2, Metric: "shares",
		DecideAfter: "2h", Variants: []analytics.VariantInput{{Text: "Venez jeudi"}, {Text: "Jeudi, on vous attend"}}})
	require.NoError(t, err)
	require.Len(t, v.Variants, 2)
	require.Positive(t, events.n.Load())
}

// countEvents counts the live events published.
type countEvents struct{ n atomic.Int64 }

func (c *countEvents) Publish(relais.Event) { c.n.Add(1) }

// rowCounts counts the rows an experiment's creation writes.
func (b *expBundle) rowCounts(t *testing.T) map[string]int64 {
	out := map[string]int64{}
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) error {
		for _, table := range []string{"posts", "experiments", "experiment_arms", "experiment_recipients", "audit_log", "audit_pending", "post_contributors"} {
			var n int64
			if err := tx.SQL().QueryRowContext(tx.Context(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
				return err
			}
			out[table] = n
		}
		return nil
	}))
	return out
}
