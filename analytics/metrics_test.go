package analytics_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/sandbox"
	"github.com/relais/relais/connectors/telegram"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// published records a delivery of the fixture's post on a, published at.
func (f *fixture) published(t testing.TB, a *relais.Account, remoteID string, at time.Time) {
	storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error {
		ds, err := tx.CreateDeliveries(f.post.ID, []int64{a.ID}, func(int64) string { return "k-" + remoteID })
		if err != nil {
			return err
		}
		for _, d := range ds {
			if d.AccountID == a.ID {
				d.State, d.RemoteID, d.PublishedAt = relais.DeliveryPublished, remoteID, &at
				return tx.UpdateDelivery(d)
			}
		}
		return nil
	}))
}

// TestMetricsCollectedAtSteps publishes on the sandbox (synthetic,
// deterministic metrics) and on Telegram (no metrics), moves the clock
// past +1h then +30h, and checks the series: figures at +1h and +24h,
// +6h recorded as missed, Telegram's figures missing (null), never zero,
// and the totals summing the latest figures.
func TestMetricsCollectedAtSteps(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		f := newFixture(t, dialect)
		sb, err := sandbox.New("", "http://relais.test")
		require.NoError(t, err)
		t0 := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
		now := t0
		clock := func() time.Time { return now }
		f.st.SetNow(clock)
		sb.SetClock(clock)
		sbAcc := &relais.Account{Platform: relais.PlatformX, Handle: "demo", OwnerKind: relais.OwnerCampaign, BaseURL: connectors.SandboxURL}
		tg := &relais.Account{Platform: relais.PlatformTelegram, Handle: "@canal", OwnerKind: relais.OwnerCampaign}
		storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error {
			if err := tx.CreateAccount(sbAcc, nil); err != nil {
				return err
			}
			return tx.CreateAccount(tg, map[string]string{"bot_token": "1:x", "chat_id": "@canal"})
		}))
		rc, err := sb.Publish(f.ctx, *sbAcc, connectors.Draft{Text: "Bonjour"}, "k1")
		require.NoError(t, err)
		// The sandbox stamps entries with the real clock: measure from it.
		entry := sb.Entries()[0].At
		t0, now = entry, entry
		f.published(t, sbAcc, rc.RemoteID, t0)
		f.published(t, tg, "42", t0)
		c := analytics.Collector{Store: f.st, Connectors: connectors.NewRegistry(sb, telegram.New(nil, "http://127.0.0.1:1"))}

		n, err := c.Collect(f.ctx)
		require.NoError(t, err)
		require.Zero(t, n, "nothing is due before +1h")
		now = t0.Add(time.Hour + 31*time.Minute)
		n, err = c.Collect(f.ctx)
		require.NoError(t, err)
		require.Equal(t, 2, n)
		n, _ = c.Collect(f.ctx)
		require.Zero(t, n, "a step is collected once")
		now = t0.Add(30 * time.Hour)
		n, err = c.Collect(f.ctx)
		require.NoError(t, err)
		require.Equal(t, 4, n, "+24h for both, +6h missed for both")

		svc := analytics.New(f.st, nil, nil)
		v, err := svc.PostMetrics(f.as(f.editor), f.post.ID)
		require.NoError(t, err)
		require.Len(t, v.Deliveries, 2)
		at24 := sandbox.SyntheticMetrics(rc.RemoteID, 30*time.Hour)
		for _, d := range v.Deliveries {
			require.Len(t, d.Series, 3)
			if d.AccountID == tg.ID {
				for _, p := range d.Series {
					require.Nil(t, p.Likes, "Telegram gives no metrics: missing, not zero")
					require.Nil(t, p.Views, "Telegram gives no metrics: missing, not zero")
					if !strings.Contains(p.Error, "missed") {
						require.Equal(t, connectors.NotAvailable+telegram.New(nil, "").MetricsUnavailable(), p.Error)
					}
				}
				continue
			}
			require.Equal(t, sandbox.SyntheticMetrics(rc.RemoteID, time.Hour+31*time.Minute).Likes, d.Series[0].Likes)
			require.Contains(t, d.Series[1].Error, "missed")
			require.Nil(t, d.Series[1].Likes)
			require.Equal(t, *at24.Views, *d.Series[2].Views)
		}
		require.Equal(t, *at24.Likes, *v.Totals.Likes)
		require.Positive(t, *v.Totals.Likes)
		require.NotEmpty(t, v.Source)
		_, err = svc.PostMetrics(f.as(f.colist), f.post.ID)
		require.Equal(t, relais.EFORBIDDEN, relais.ErrorCode(err))
	})
}

// xReader is an X connector double reading counts, to test the daily cap
// (the HTTP contract itself is tested in connectors/x).
type xReader struct{ calls int }

func (x *xReader) Platform() relais.Platform                      { return relais.PlatformX }
func (x *xReader) Validate(connectors.Draft) []connectors.Problem { return nil }
func (x *xReader) Publish(context.Context, relais.Account, connectors.Draft, string) (connectors.Receipt, error) {
	return connectors.Receipt{}, nil
}
func (x *xReader) Lookup(context.Context, relais.Account, string) (connectors.Receipt, bool, error) {
	return connectors.Receipt{}, false, nil
}
func (x *xReader) Metrics(context.Context, relais.Account, string) (connectors.Metrics, error) {
	x.calls++
	return connectors.Metrics{Likes: connectors.Count(1)}, nil
}

// TestXMetricsDailyCap checks that X reads stop at the daily cap and the
// rest is recorded as missing with the reason.
func TestXMetricsDailyCap(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "sqlite")
	t0 := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	now := t0
	f.st.SetNow(func() time.Time { return now })
	var accs []*relais.Account
	storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error {
		for _, h := range []string{"a", "b", "c"} {
			a := &relais.Account{Platform: relais.PlatformX, Handle: h, OwnerKind: relais.OwnerColistier}
			if err := tx.CreateAccount(a, nil); err != nil {
				return err
			}
			accs = append(accs, a)
		}
		return nil
	}))
	for i, a := range accs {
		f.published(t, a, "id"+a.Handle, t0.Add(time.Duration(i)*time.Second))
	}
	xr := &xReader{}
	c := analytics.Collector{Store: f.st, Connectors: connectors.NewRegistry(xr), XDailyCap: 2}
	now = t0.Add(2 * time.Hour)
	n, err := c.Collect(f.ctx)
	require.NoError(t, err)
	require.Equal(t, 3, n)
	require.Equal(t, 2, xr.calls, "the third read would pass the cap")
}
