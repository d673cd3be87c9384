package scheduler

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

type recordedEvents struct {
	mu sync.Mutex
	es []relais.Event
}

func (r *recordedEvents) Publish(e relais.Event) { r.mu.Lock(); r.es = append(r.es, e); r.mu.Unlock() }

func (r *recordedEvents) count(typ string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, e := range r.es {
		if e.Type == typ {
			n++
		}
	}
	return n
}

// TestDeadTokenAlertsOwnerAndStops: a refused token fails the delivery,
// flags the account, alerts its owner once (event and e-mail), and later
// deliveries to it never reach the platform.
func TestDeadTokenAlertsOwnerAndStops(t *testing.T) {
	t.Parallel()
	events := &recordedEvents{}
	b := setup(t, store.DialectSQLite, Config{Events: events})
	owner := b.member(t, "claire@example.org", relais.RoleColistier, "11e")
	var acct relais.Account
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
		acct = relais.Account{Platform: relais.PlatformMastodon, Handle: "claire@piaille.fr",
			OwnerKind: relais.OwnerColistier, OwnerMemberID: owner.ID, District: "11e"}
		return tx.CreateAccount(&acct, map[string]string{"access_token": "revoked"})
	}))
	b.conn.fail = func() error {
		return &connectors.Error{Class: connectors.AuthExpired, Platform: "mastodon", Status: 401, Message: "The access token was revoked"}
	}
	w := &DeliverWorker{s: b.sched}
	deliver := func() *relais.Delivery {
		p := b.scheduledPost(t, []int64{acct.ID}, time.Now().Add(time.Minute), nil)
		var ds []*relais.Delivery
		storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) (err error) {
			ds, err = tx.CreateDeliveries(p.ID, p.Targets, func(int64) string { return newKey(p.ID) })
			return err
		}))
		err := w.Work(b.ctx, job(DeliverArgs{DeliveryID: ds[0].ID}, 1))
		require.Error(t, err, "a dead token cancels the job")
		storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) (err error) {
			ds, err = tx.Deliveries(p.ID)
			return err
		}))
		return ds[0]
	}

	d := deliver()
	require.Equal(t, relais.DeliveryFailed, d.State)
	require.Contains(t, d.Error, "revoked")
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) error {
		a, err := tx.AccountByID(acct.ID)
		require.Equal(t, relais.AccountNeedsReconnect, a.Status)
		return err
	}))
	require.Equal(t, 1, b.mailer.count())
	require.Equal(t, []string{"claire@example.org"}, b.mailer.sent[0].To)
	require.Contains(t, b.mailer.sent[0].Subject, "reconnectez")
	require.Equal(t, 1, events.count(EventNeedsReconnect))

	b.conn.fail = nil
	d = deliver()
	require.Equal(t, relais.DeliveryFailed, d.State)
	require.Contains(t, d.Error, "needs reconnecting")
	require.Empty(t, b.conn.byKey, "nothing is sent against a dead token")
	require.Equal(t, 1, b.mailer.count(), "the owner is alerted once")
	require.Equal(t, 1, events.count(EventNeedsReconnect))
}
