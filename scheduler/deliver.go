package scheduler

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/riverqueue/river"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store"
)

// DeliverArgs publishes one delivery (one post to one account).
type DeliverArgs struct {
	DeliveryID int64 `json:"delivery_id"`
}

// Kind implements river.JobArgs.
func (DeliverArgs) Kind() string { return "deliver" }

// DeliverWorker runs deliver jobs.
type DeliverWorker struct {
	river.WorkerDefaults[DeliverArgs]
	s *Scheduler
}

// step is what claim decided to do with a delivery.
type step int

const (
	stepDone      step = iota // nothing to do
	stepPublish               // call Publish with the delivery's key
	stepReconcile             // a previous attempt's outcome is unknown: look it up
	stepHold                  // blackout: snooze until it ends
	stepDead                  // the account needs reconnecting: record, call nothing
	stepExpired               // the platform may have forgotten the key: a human decides
)

// attempt is a claimed delivery with everything needed to publish it.
type attempt struct {
	d       *relais.Delivery
	account *relais.Account
	post    *relais.Post
	text    string // the post's text for the account, links tracked
	conn    connectors.Connector
	until   time.Time
	// recovering: an earlier attempt may have reached the platform, so a
	// refusal now does not prove that nothing was published.
	recovering bool
}

// Work publishes exactly once. The delivery is moved to publishing (with
// its idempotency key) and committed before the platform is called; a job
// that finds a delivery already publishing reconciles instead of sending
// blindly.
func (w *DeliverWorker) Work(ctx context.Context, job *river.Job[DeliverArgs]) error {
	step, a, err := w.claim(ctx, job.Args.DeliveryID)
	if err != nil {
		return err
	}
	switch step {
	case stepDone: // settled earlier; settle the post again in case a crash came between
		return w.s.settleOnly(ctx, a.d.PostID)
	case stepHold:
		return river.JobSnooze(max(a.until.Sub(w.s.cfg.Store.Now()), time.Second))
	case stepDead:
		return w.record(ctx, job, a, connectors.Receipt{}, deadTokenError(a))
	case stepExpired:
		return w.record(ctx, job, a, connectors.Receipt{}, &connectors.Error{Class: connectors.OutcomeUnknown,
			Platform: string(a.account.Platform), Message: "the platform no longer remembers the first attempt's key: check the account and resolve"})
	case stepReconcile:
		r, found, lerr := connectors.LookupFor(ctx, a.conn, *a.account, a.draft(nil), a.d.IdempotencyKey, a.since())
		if lerr == nil && found {
			return w.record(ctx, job, a, r, nil)
		} else if !connectors.HonoursKeyFor(ctx, a.conn, *a.account) {
			return w.record(ctx, job, a, r, &connectors.Error{Class: connectors.OutcomeUnknown,
				Platform: string(a.account.Platform), Message: "a previous attempt may have been published; check the account and resolve"})
		}
	}
	r, perr, err := w.publish(ctx, a)
	if err != nil {
		return err // the delivery stays publishing: the retry reconciles
	}
	return w.record(ctx, job, a, r, perr)
}

// draft is what the attempt publishes.
func (a *attempt) draft(media []connectors.Media) connectors.Draft {
	d := connectors.Draft{Text: a.text, Language: a.post.LangFor(a.account.Platform), Media: media}
	if q := a.post.QuoteFor(a.account.Platform); q != nil {
		d.Quote = &connectors.Quote{URI: q.URI, CID: q.CID, ID: q.ID}
	}
	return d
}

// since is when the delivery was first attempted (a little earlier when
// unknown), for lookups by content.
func (a *attempt) since() time.Time {
	if a.d.FirstAttemptAt != nil {
		return *a.d.FirstAttemptAt
	}
	return time.Now().Add(-time.Hour)
}

func (w *DeliverWorker) claim(ctx context.Context, id int64) (step, *attempt, error) {
	var st step
	a := &attempt{}
	err := w.s.cfg.Store.Update(ctx, func(tx *store.Tx) error {
		var err error
		if a.d, err = tx.DeliveryForUpdate(id); err != nil {
			return err
		}
		switch a.d.State {
		case relais.DeliveryPublished, relais.DeliveryFailed, relais.DeliveryOutcomeUnknown:
			st = stepDone
			return nil
		case relais.DeliveryPublishing:
			st = stepReconcile
		default:
			st = stepPublish
		}
		if err := w.load(tx, a); err != nil {
			return err
		}
		if b, err := tx.Blackout(); err != nil {
			return err
		} else if in, until := b.At(tx.Now()); in {
			// Nothing goes out in a blackout, not even a reconciling retry. A
			// delivery already publishing keeps its state: it may have gone out.
			hold := st == stepPublish
			st, a.until = stepHold, until
			if hold {
				return tx.MoveDelivery(a.d, relais.DeliveryHold)
			}
			return nil
		}
		if a.account.Status == relais.AccountNeedsReconnect {
			st = stepDead
			return nil
		}
		if a.d.Attempts > 0 && a.d.FirstAttemptAt != nil && connectors.KeyExpired(a.conn, *a.d.FirstAttemptAt, tx.Now()) {
			st = stepExpired
			return nil
		}
		a.d.Attempts++
		w.s.hold(a.d, tx.Now())
		if a.d.FirstAttemptAt == nil {
			now := tx.Now()
			a.d.FirstAttemptAt = &now
		}
		a.recovering = a.d.Attempts > 1
		return tx.MoveDelivery(a.d, relais.DeliveryStartPublishing)
	})
	return st, a, err
}

func (w *DeliverWorker) load(tx *store.Tx, a *attempt) error {
	var err error
	if a.account, err = tx.AccountWithCredentials(a.d.AccountID); err != nil {
		return err
	}
	if a.post, err = tx.PostToPublish(a.d.PostID); err != nil {
		return err
	}
	if a.text, err = w.s.trackedText(tx, a.post, a.account); err != nil {
		return err
	}
	a.conn, err = w.s.cfg.Connectors.For(*a.account)
	return err
}

// record saves the outcome of a publish and maps its error class to what
// River must do next.
func (w *DeliverWorker) record(ctx context.Context, job *river.Job[DeliverArgs], a *attempt, r connectors.Receipt, perr error) error {
	ctx = context.WithoutCancel(ctx) // the outcome is saved even after the job's deadline
	d := a.d
	d.HeldBy, d.HeldSince = "", nil // released, whatever the outcome
	class := connectors.ClassOf(perr)
	lastTry := job.Attempt >= job.MaxAttempts
	var ev relais.DeliveryEvent
	switch {
	case perr == nil:
		now := w.s.cfg.Store.Now()
		ev, d.RemoteID, d.URL, d.Error, d.PublishedAt = relais.DeliverySettlePublished, r.RemoteID, r.URL, "", &now
	case class == connectors.OutcomeUnknown,
		a.recovering && (class == connectors.Permanent || class == connectors.AuthExpired):
		ev, d.Error = relais.DeliverySettleUnknown, perr.Error()
	case class == connectors.Retryable && lastTry && a.recovering:
		ev, d.Error = relais.DeliverySettleUnknown, perr.Error() // an earlier try may have gone out
	case class == connectors.Permanent || class == connectors.AuthExpired || (class == connectors.Retryable && lastTry):
		ev, d.Error = relais.DeliverySettleFailed, perr.Error()
	default: // retryable or rate-limited: the platform did not take it
		ev, d.Error = relais.DeliveryRetry, perr.Error()
	}
	err := w.s.cfg.Store.Update(ctx, func(tx *store.Tx) error {
		if err := tx.MoveDelivery(d, ev); err != nil {
			return err
		}
		if class == connectors.AuthExpired && perr != nil {
			if err := w.markNeedsReconnect(tx, a.account); err != nil {
				return err
			}
		}
		return w.auditOutcome(tx, d)
	})
	if err != nil {
		return fmt.Errorf("cannot record delivery %d: %w (publish error: %v)", d.ID, err, perr)
	}
	if err := w.settle(ctx, d); err != nil {
		return err
	}
	w.s.log.Info("delivery attempt", slog.Int64("delivery_id", d.ID), slog.String("state", string(d.State)),
		slog.String("platform", string(a.account.Platform)), slog.Any("error", perr))
	return retryDecision(d, class, perr)
}

func retryDecision(d *relais.Delivery, class connectors.Class, perr error) error {
	if perr == nil || d.State != relais.DeliveryPending {
		if perr != nil {
			return river.JobCancel(perr)
		}
		return nil
	}
	if class == connectors.RateLimited {
		if until := connectors.UntilOf(perr); !until.IsZero() {
			return river.JobSnooze(max(time.Until(until), time.Second))
		}
		return river.JobSnooze(time.Minute)
	}
	return perr
}

// auditOutcome audits a settled delivery's outcome, in the transaction
// that records it. The post's state is settled after the commit (settle):
// no row lock is taken per delivery.
func (w *DeliverWorker) auditOutcome(tx *store.Tx, d *relais.Delivery) error {
	if d.State == relais.DeliveryPending {
		return nil
	}
	account := strconv.FormatInt(d.AccountID, 10)
	detail := i18n.Code("history.delivery", "account", account, "state", string(d.State), "url", d.URL)
	if d.Error != "" {
		detail = i18n.Code("history.delivery_error", "account", account, "state", string(d.State), "url", d.URL, "error", d.Error)
	}
	return tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "delivery." + string(d.State),
		PostID: d.PostID, Detail: detail})
}

// loadMedia reads the post's images, only when they are about to be sent
// (not in the claim, which most jobs end with).
func (w *DeliverWorker) loadMedia(ctx context.Context, p *relais.Post) ([]connectors.Media, error) {
	if len(p.Media) == 0 {
		return nil, nil
	}
	out := make([]connectors.Media, 0, len(p.Media))
	err := w.s.cfg.Store.View(ctx, func(tx *store.Tx) error {
		for _, m := range p.Media {
			data, err := tx.MediaData(m.ID)
			if err != nil {
				return err
			}
			out = append(out, connectors.NewMedia(m, data))
		}
		return nil
	})
	return out, err
}
