package scheduler

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// windowedConn is an idempotent platform that forgets keys after an hour.
type windowedConn struct{ *fakeConn }

func (windowedConn) IdempotencyWindow() time.Duration { return time.Hour }

// pendingRetry creates a delivery whose first attempt, at first, failed
// with a retryable error.
func pendingRetry(t *testing.T, b *testBundle, first time.Time, district string) *relais.Delivery {
	t.Helper()
	ids := b.accounts(t, 1, relais.OwnerDistrict, district)
	p := b.scheduledPost(t, ids, time.Now().Add(time.Minute), nil)
	var d *relais.Delivery
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
		ds, err := tx.CreateDeliveries(p.ID, ids, func(int64) string { return newKey(p.ID) })
		if err != nil {
			return err
		}
		d = ds[0]
		d.Attempts, d.FirstAttemptAt, d.Error = 1, &first, "mastodon: retryable status=503"
		return tx.UpdateDelivery(d)
	}))
	return d
}

func deliveryState(t *testing.T, b *testBundle, d *relais.Delivery) *relais.Delivery {
	t.Helper()
	var got *relais.Delivery
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) (err error) {
		got, err = tx.DeliveryForUpdate(d.ID)
		return err
	}))
	return got
}

// TestRetryPastIdempotencyWindow: a retry later than the platform's key
// window could publish twice, so it is left to a human instead.
func TestRetryPastIdempotencyWindow(t *testing.T) {
	t.Parallel()
	b := setup(t, store.DialectSQLite, Config{})
	b.sched.cfg.Connectors = connectors.NewRegistry(windowedConn{b.conn})
	w := &DeliverWorker{s: b.sched}

	late := pendingRetry(t, b, time.Now().Add(-2*time.Hour), "5e")
	require.Error(t, w.Work(b.ctx, job(DeliverArgs{DeliveryID: late.ID}, 2)))
	require.Equal(t, relais.DeliveryOutcomeUnknown, deliveryState(t, b, late).State)
	require.Empty(t, b.conn.byKey, "nothing was sent past the window")

	recent := pendingRetry(t, b, time.Now().Add(-10*time.Minute), "6e")
	require.NoError(t, w.Work(b.ctx, job(DeliverArgs{DeliveryID: recent.ID}, 2)))
	require.Equal(t, relais.DeliveryPublished, deliveryState(t, b, recent).State, "within the window a retry is safe")
}

// TestRefusalOnRetryIsUnknown: when a retry is refused, the first attempt
// may still have gone out: the delivery is outcome_unknown, not failed.
func TestRefusalOnRetryIsUnknown(t *testing.T) {
	t.Parallel()
	b := setup(t, store.DialectSQLite, Config{})
	b.conn.fail = func() error {
		return &connectors.Error{Class: connectors.Permanent, Platform: "mastodon", Status: 422, Message: "Validation failed"}
	}
	w := &DeliverWorker{s: b.sched}
	d := pendingRetry(t, b, time.Now().Add(-time.Minute), "7e")
	require.Error(t, w.Work(b.ctx, job(DeliverArgs{DeliveryID: d.ID}, 2)))
	require.Equal(t, relais.DeliveryOutcomeUnknown, deliveryState(t, b, d).State)
}
