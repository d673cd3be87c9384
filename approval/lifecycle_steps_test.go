package approval_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store"
)

// fanOut does what the scheduler's fan-out does to the store: create the
// deliveries, move the post to publishing, audit it, in one transaction.
func (h *lcHarness) fanOut(p *relais.Post) error {
	return h.store.Update(context.Background(), func(tx *store.Tx) error {
		p, err := tx.PostForUpdate(p.ID)
		if err != nil {
			return err
		}
		ds, err := tx.CreateDeliveries(p.ID, p.Targets, func(a int64) string { return fmt.Sprintf("k-%d-%d", p.ID, a) })
		if err != nil {
			return err
		} else if err := tx.MovePost(p, relais.PostFanOut); err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "post.fan_out", PostID: p.ID, Detail: fmt.Sprint(len(ds))})
	})
}

// deliveryEvents are the events the scheduler's deliver job takes.
var deliveryEvents = []relais.DeliveryEvent{relais.DeliveryHold, relais.DeliveryStartPublishing, relais.DeliveryRetry,
	relais.DeliverySettlePublished, relais.DeliverySettleFailed, relais.DeliverySettleUnknown}

// settleOne takes a random delivery of p through a random event as the
// deliver job does (the outcome audited in its transaction), then settles
// the post (store.Store.SettlePost). A refused event writes nothing.
func (h *lcHarness) settleOne(p *relais.Post) error {
	before := h.snap(p.ID)
	if len(before.ds) == 0 {
		return nil
	}
	d := before.ds[h.rng.Intn(len(before.ds))]
	ev := deliveryEvents[h.rng.Intn(len(deliveryEvents))]
	from := d.State
	err := h.store.Update(context.Background(), func(tx *store.Tx) error {
		if err := tx.MoveDelivery(d, ev); err != nil {
			return err
		} else if !strings.HasPrefix(string(ev), "settle_") {
			return nil
		}
		return tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "delivery." + string(d.State), PostID: p.ID})
	})
	h.checkDelivery(before, d.ID, from, ev, err)
	if err != nil {
		return nil
	}
	_, err = h.store.SettlePost(context.Background(), p.ID)
	return err
}

// resolveOne resolves a random delivery of p through the service.
func (h *lcHarness) resolveOne(p *relais.Post) error {
	before := h.snap(p.ID)
	if len(before.ds) == 0 {
		return nil
	}
	d := before.ds[h.rng.Intn(len(before.ds))]
	in := approval.ResolveInput{Published: h.rng.Intn(2) == 0, URL: "https://x.com/avecanne/status/1", Note: "vérifié"}
	ev := map[bool]relais.DeliveryEvent{true: relais.DeliveryResolvePublished, false: relais.DeliveryResolveFailed}[in.Published]
	_, err := h.svc.Resolve(as(h.editor), p.ID, d.ID, in)
	h.checkDelivery(before, d.ID, d.State, ev, err)
	return nil
}

// checkDelivery checks (a) and (b) for a delivery event: a move along a
// row, or a refusal naming both states and the event that wrote nothing.
func (h *lcHarness) checkDelivery(before lcSnap, id int64, from relais.DeliveryState, ev relais.DeliveryEvent, err error) {
	t := h.t
	after := h.snap(before.post.ID)
	want, terr := relais.DeliveryTransition(from, ev)
	if terr != nil {
		require.Equal(t, relais.ECONFLICT, relais.ErrorCode(err), "delivery %s from %s: refused", ev, from)
		key, params := relais.ErrorKey(err)
		require.Equal(t, "error.transition", key)
		require.Equal(t, map[string]string{"kind": "delivery", "from": string(from), "event": string(ev), "to": params["to"]}, params)
		require.NotEmpty(t, params["to"])
		require.Equal(t, before, after, "delivery %s from %s: nothing written", ev, from)
		return
	}
	require.NoError(t, err, "delivery %s from %s", ev, from)
	for _, d := range after.ds {
		if d.ID == id {
			require.Equal(t, want, d.State, "delivery %s from %s", ev, from)
		}
	}
}
