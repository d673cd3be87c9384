package approval

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// RecurringEnqueuer schedules a recurrence's next time inside a
// transaction (the scheduler implements it).
type RecurringEnqueuer interface {
	EnqueueRecurring(ctx context.Context, tx *sql.Tx, id int64, at time.Time) error
}

// RecurrenceInput makes an approved post recurring.
type RecurrenceInput struct {
	PostID int64  `json:"post_id"`
	Spec   string `json:"spec"` // cron: "30 8 * * 1-5"
	TZ     string `json:"tz"`   // default Europe/Paris
}

// CreateRecurrence republishes an approved post's content at every time of
// a cron schedule. Creating it is an approval of the series: the caller
// must be allowed to approve the post (never its author). Each time
// creates a scheduled copy of the post; times inside a blackout window are
// skipped.
//
// Returns EINVALID for a bad cron expression or time zone (nothing is
// saved), EFORBIDDEN for a caller who may not approve the post, ECONFLICT
// for a post whose content was never approved.
func (s *Service) CreateRecurrence(ctx context.Context, in RecurrenceInput) (*relais.Recurrence, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.RecurringCreate, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not approve recurring posts.", m.Role)
	}
	enq, ok := s.jobs.(RecurringEnqueuer)
	if !ok {
		return nil, fmt.Errorf("approval: the job queue cannot schedule recurrences")
	}
	r := &relais.Recurrence{PostID: in.PostID, Spec: in.Spec, TZ: cmp.Or(in.TZ, s.store.Location().String()), CreatedBy: m.ID}
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if err := r.Validate(tx.Now()); err != nil {
			return err
		}
		p, err := recurrable(tx, m, in.PostID)
		if err != nil {
			return err
		}
		next, _ := r.Next(tx.Now())
		r.NextAt, r.ContentHash = &next, p.ContentOnlyHash()
		if err := tx.CreateRecurrence(r); err != nil {
			return err
		}
		if err := enq.EnqueueRecurring(ctx, tx.SQL(), r.ID, next); err != nil {
			return err
		}
		return audit(tx, m, "recurrence.create", p, i18n.Code("history.recurrence", "id", strconv.FormatInt(r.ID, 10), "spec", r.Spec, "tz", r.TZ, "next", next.UTC().Format(time.RFC3339)))
	})
	return r, err
}

// recurrable loads a post whose content was approved and that m may approve.
func recurrable(tx *store.Tx, m *relais.Member, id int64) (*relais.Post, error) {
	p, err := tx.PostByID(id)
	if err != nil {
		return nil, err
	}
	switch p.State {
	case relais.PostScheduled, relais.PostPublishing, relais.PostPublished, relais.PostPartiallyPublished:
	default:
		return nil, relais.Errorf(relais.ECONFLICT, "Only an approved post can recur (this one is %s).", p.State)
	}
	if may, err := mayApproveIn(tx, m, p); err != nil {
		return nil, err
	} else if !may {
		return nil, relais.Errorf(relais.EFORBIDDEN, "You may not approve this post, so you may not make it recur.")
	}
	return p, nil
}

// StopRecurrence stops a recurrence: its pending job does nothing. Posts
// it already created stay scheduled (cancel them one by one).
func (s *Service) StopRecurrence(ctx context.Context, id int64) (*relais.Recurrence, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.RecurringStop, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not stop recurring posts.", m.Role)
	}
	var r *relais.Recurrence
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if r, err = tx.RecurrenceForUpdate(id); err != nil {
			return err
		}
		r.Active, r.NextAt = false, nil
		if err := tx.SetRecurrence(r); err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: "recurrence.stop",
			PostID: r.PostID, Detail: i18n.Code("history.recurrence_stop", "id", strconv.FormatInt(r.ID, 10))})
	})
	return r, err
}

// RecurrenceView is a recurrence with what it did.
type RecurrenceView struct {
	*relais.Recurrence
	Runs []relais.RecurrenceRun `json:"runs"`
}

// Recurrences lists recurrences for the web team.
func (s *Service) Recurrences(ctx context.Context) ([]RecurrenceView, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.RecurringRead, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not see recurring posts.", m.Role)
	}
	out := []RecurrenceView{}
	err = s.store.View(ctx, func(tx *store.Tx) error {
		rs, err := tx.Recurrences()
		for _, r := range rs {
			v := RecurrenceView{Recurrence: r}
			if v.Runs, err = tx.RecurrenceRuns(r.ID); err != nil {
				return err
			}
			out = append(out, v)
		}
		return err
	})
	return out, err
}
