package analytics

import (
	"context"
	"fmt"
	"hash/fnv"
	"log/slog"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/x"
	"github.com/relais/relais/store"
)

// Steps are when a publication's metrics are collected, after it went out.
var Steps = []time.Duration{time.Hour, 6 * time.Hour, 24 * time.Hour, 72 * time.Hour, 7 * 24 * time.Hour}

// DefaultXDailyCap is how many X posts' metrics may be read per day
// unless the campaign sets RELAIS_X_METRICS_DAILY_CAP: 500 reads cost
// x.ReadCost(500) = US$2.50.
const DefaultXDailyCap = 500

// Collector reads due platform metrics and stores them.
type Collector struct {
	Store      *store.Store
	Connectors *connectors.Registry
	XDailyCap  int64 // reads of X posts per day
	Log        *slog.Logger
}

// due is one delivery's step to collect now; missed are its earlier steps
// whose time passed without a collection (recorded as missing).
type due struct {
	d      *store.PublishedDelivery
	step   int
	missed []int
}

// Jitter spreads collections of one step over up to 10 % of its delay
// (at most 30 minutes), the same for a delivery on every replica.
func Jitter(deliveryID int64, step time.Duration) time.Duration {
	h := fnv.New64a()
	h.Write([]byte{byte(deliveryID), byte(deliveryID >> 8), byte(deliveryID >> 16), byte(deliveryID >> 24), byte(step / time.Hour)})
	span := min(step/10, 30*time.Minute)
	return time.Duration(h.Sum64() % uint64(span+1))
}

// dueSteps returns what is due for d at now.
func dueSteps(d *store.PublishedDelivery, now time.Time) (due, bool) {
	out := due{d: d, step: -1}
	for _, s := range Steps {
		h := int(s / time.Hour)
		if d.Collected[h] || now.Before(d.PublishedAt.Add(s+Jitter(d.ID, s))) {
			continue
		}
		if out.step >= 0 {
			out.missed = append(out.missed, out.step)
		}
		out.step = h
	}
	return out, out.step >= 0
}

// Collect reads every due collection, account by account, batched where
// the platform allows. A rate-limited account is left for the next run;
// other failures are recorded as missing figures with their reason.
func (c *Collector) Collect(ctx context.Context) (int, error) {
	now := c.Store.Now()
	var ds []*store.PublishedDelivery
	err := c.Store.View(ctx, func(tx *store.Tx) (err error) {
		ds, err = tx.PublishedSince(now.Add(-Steps[len(Steps)-1]-time.Hour), 5000)
		return err
	})
	if err != nil {
		return 0, err
	}
	byAccount := map[int64][]due{}
	for _, d := range ds {
		if dd, ok := dueSteps(d, now); ok {
			byAccount[d.AccountID] = append(byAccount[d.AccountID], dd)
		}
	}
	n := 0
	for id, dues := range byAccount {
		points, err := c.account(ctx, id, dues, now)
		if err != nil {
			return n, err
		}
		if err := c.Store.Update(ctx, func(tx *store.Tx) error { return tx.SaveMetrics(points) }); err != nil {
			return n, err
		}
		n += len(points)
	}
	return n, nil
}

// account collects one account's due steps.
func (c *Collector) account(ctx context.Context, accountID int64, dues []due, now time.Time) ([]store.MetricsPoint, error) {
	var a *relais.Account
	if err := c.Store.View(ctx, func(tx *store.Tx) (err error) { a, err = tx.AccountWithCredentials(accountID); return err }); err != nil {
		return nil, err
	}
	conn, err := c.Connectors.For(*a)
	if err != nil {
		return points(dues, now, nil, "no connector for the platform"), nil
	}
	if u, ok := conn.(connectors.MetricsUnavailable); ok {
		return points(dues, now, nil, connectors.NotAvailable+u.MetricsUnavailable()), nil
	}
	if _, ok := conn.(connectors.MetricsReader); !ok {
		return points(dues, now, nil, "the platform gives no metrics"), nil
	}
	if msg, err := c.budget(ctx, a, conn, len(dues)); err != nil || msg != "" {
		return points(dues, now, nil, msg), err
	}
	ids := make([]string, len(dues))
	for i, d := range dues {
		ids[i] = d.d.RemoteID
	}
	got, _, err := connectors.MetricsFor(ctx, conn, *a, ids)
	if connectors.ClassOf(err) == connectors.RateLimited {
		c.log().Info("metrics rate-limited: retried next run", slog.Int64("account_id", a.ID))
		return nil, nil
	} else if err != nil {
		return points(dues, now, nil, "the platform refused: "+connectors.ClassOf(err).String()), nil
	}
	return points(dues, now, got, "not returned by the platform"), nil
}

// budget takes n X reads from today's cap; it returns why not when the
// cap is reached. Sandboxed accounts and other platforms cost nothing.
func (c *Collector) budget(ctx context.Context, a *relais.Account, conn connectors.Connector, n int) (string, error) {
	if conn.Platform() != relais.PlatformX {
		return "", nil
	}
	limit := c.XDailyCap
	if limit == 0 {
		limit = DefaultXDailyCap
	}
	var ok bool
	err := c.Store.Update(ctx, func(tx *store.Tx) (err error) {
		ok, err = tx.TakeBudget(string(relais.PlatformX), Day(c.Store.Now(), c.Store.Location()), int64(n), limit)
		return err
	})
	if err == nil && !ok {
		return fmt.Sprintf("X daily read cap reached (%d reads, US$%.2f)", limit, x.ReadCost(int(limit))), nil
	}
	return "", err
}

// points turns results into rows: the due step with the counts (or the
// reason they are missing), earlier missed steps as missing.
func points(dues []due, now time.Time, got map[string]connectors.Metrics, reason string) []store.MetricsPoint {
	var out []store.MetricsPoint
	for _, d := range dues {
		p := store.MetricsPoint{DeliveryID: d.d.ID, StepHours: d.step, At: now, Error: reason}
		if m, ok := got[d.d.RemoteID]; ok {
			p.Likes, p.Reposts, p.Replies, p.Quotes, p.Views, p.Error = m.Likes, m.Reposts, m.Replies, m.Quotes, m.Views, ""
		}
		out = append(out, p)
		for _, s := range d.missed {
			out = append(out, store.MetricsPoint{DeliveryID: d.d.ID, StepHours: s, At: now, Error: "missed: relais was not collecting at the time"})
		}
	}
	return out
}

func (c *Collector) log() *slog.Logger {
	if c.Log == nil {
		return slog.Default()
	}
	return c.Log
}
