package approval_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// unknownDeliveries approves a post on both accounts and leaves both of its
// deliveries outcome_unknown, as the deliver job does after a timeout.
func (b *testBundle) unknownDeliveries() (postID int64, ds []*relais.Delivery) {
	p := b.MustSubmit(b.cm, b.post("Réunion publique jeudi", b.campaign, b.anne))
	_, err := b.svc.Approve(as(b.candidate), p.ID, approval.ApproveInput{ContentHash: p.ContentHash, AcknowledgeWarnings: true})
	require.NoError(b.t, err)
	require.NoError(b.t, b.store.Update(context.Background(), func(tx *store.Tx) error {
		if ds, err = tx.CreateDeliveries(p.ID, p.Targets, func(id int64) string { return "k" }); err != nil {
			return err
		}
		for _, d := range ds {
			d.State = relais.DeliveryOutcomeUnknown
			if err := tx.UpdateDelivery(d); err != nil {
				return err
			}
		}
		return tx.SetPostState(p.ID, relais.PostOutcomeUnknown)
	}))
	return p.ID, ds
}

func TestResolveOutcomeUnknown(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		id, ds := b.unknownDeliveries()
		for _, m := range []*relais.Member{b.cm, b.candidate, b.colistier} {
			_, err := b.svc.Resolve(as(m), id, ds[0].ID, approval.ResolveInput{Published: true, URL: "https://x.com/anne/status/1"})
			requireCode(t, relais.EFORBIDDEN, err)
		}
		before := b.auditCount()
		_, err := b.svc.Resolve(as(b.editor), id, ds[0].ID, approval.ResolveInput{Published: true, URL: "javascript:alert(1)"})
		requireCode(t, relais.EINVALID, err)
		_, err = b.svc.Resolve(as(b.editor), id+1000, ds[0].ID, approval.ResolveInput{Published: false})
		requireCode(t, relais.ENOTFOUND, err)
		require.Equal(t, before, b.auditCount(), "refusals write nothing")

		d, err := b.svc.Resolve(as(b.editor), id, ds[0].ID, approval.ResolveInput{Published: true, URL: "https://x.com/anne/status/1", Note: "vu sur X"})
		require.NoError(t, err)
		require.Equal(t, relais.DeliveryPublished, d.State)
		v, err := b.svc.Get(as(b.editor), id)
		require.NoError(t, err)
		require.Equal(t, relais.PostOutcomeUnknown, v.State, "one delivery is still unknown")

		_, err = b.svc.Resolve(as(b.admin), id, ds[1].ID, approval.ResolveInput{Published: false, Note: "absent du compte"})
		require.NoError(t, err)
		v, err = b.svc.Get(as(b.editor), id)
		require.NoError(t, err)
		require.Equal(t, relais.PostPartiallyPublished, v.State)
		last := b.lastAudit()
		require.Equal(t, "delivery.resolved", last.Action)
		_, params, _ := i18n.Decode(last.Detail)
		require.Contains(t, params["note"], "absent du compte")

		_, err = b.svc.Resolve(as(b.admin), id, ds[1].ID, approval.ResolveInput{Published: true, URL: "https://x.com/a/status/2"})
		requireCode(t, relais.ECONFLICT, err)
	})
}
