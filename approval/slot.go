package approval

import (
	"context"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// SlotsInput adds weekly queue slots to an account: every listed weekday
// (0 = Sunday) at every listed time.
type SlotsInput struct {
	Weekdays []int    `json:"weekdays"`
	Times    []string `json:"times"` // HH:MM
	TZ       string   `json:"tz"`    // default Europe/Paris
}

// AddSlots adds queue slots to an account (admins and editors). Returns
// EINVALID, saving nothing, if any weekday, time or zone is wrong.
func (s *Service) AddSlots(ctx context.Context, accountID int64, in SlotsInput) ([]relais.QueueSlot, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.SlotsManage, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not manage accounts' queues.", m.Role)
	} else if len(in.Weekdays) == 0 {
		return nil, relais.FieldErrorf("weekdays", "Give at least one weekday.").With("error.slots_no_day")
	} else if len(in.Times) == 0 {
		return nil, relais.FieldErrorf("times", "Give at least one time.").With("error.slots_no_time")
	} else if len(in.Weekdays) > 7 || len(in.Times) > 24 {
		return nil, relais.FieldErrorf("times", "At most 7 weekdays and 24 times a day.").With("error.slots_too_many")
	}
	var ss []relais.QueueSlot
	for _, d := range in.Weekdays {
		for _, t := range in.Times {
			q := relais.QueueSlot{AccountID: accountID, Weekday: time.Weekday(d), Time: t, TZ: in.TZ}
			if err := q.Validate(s.store.Location()); err != nil {
				return nil, err
			}
			ss = append(ss, q)
		}
	}
	var out []relais.QueueSlot
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if _, err := tx.AccountByID(accountID); err != nil {
			return err
		} else if err := tx.AddSlots(ss); err != nil {
			return err
		}
		out, err = tx.Slots([]int64{accountID})
		return err
	})
	return out, err
}

// Slots returns an account's queue slots (web team).
func (s *Service) Slots(ctx context.Context, accountID int64) ([]relais.QueueSlot, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.SlotsRead, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not see queues.", m.Role)
	}
	var out []relais.QueueSlot
	err = s.store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.Slots([]int64{accountID})
		return err
	})
	return out, err
}

// DeleteSlot removes a queue slot (admins and editors).
func (s *Service) DeleteSlot(ctx context.Context, id int64) error {
	m, err := caller(ctx)
	if err != nil {
		return err
	} else if !policy.Can(m, policy.SlotsManage, policy.Object{}) {
		return relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not manage accounts' queues.", m.Role)
	}
	return s.store.Update(ctx, func(tx *store.Tx) error { return tx.DeleteSlot(id) })
}

// AddToQueue schedules a post at the next free queue slot of its target
// accounts: the earliest slot of any of them, after now, outside blackout
// windows, at which no other live post targets any of them. It then moves
// the post like Reschedule. Returns ECONFLICT when no slot is free within
// eight weeks.
func (s *Service) AddToQueue(ctx context.Context, id int64) (*relais.Post, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Grants(m.Role, policy.PostReschedule) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not schedule posts.", m.Role)
	}
	var p *relais.Post
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if p, err = s.movable(tx, m, id); err != nil {
			return err
		}
		at, err := nextSlot(tx, p)
		if err != nil {
			return err
		}
		return s.reschedule(ctx, tx, m, p, at)
	})
	return p, err
}

func nextSlot(tx *store.Tx, p *relais.Post) (time.Time, error) {
	slots, err := tx.Slots(p.Targets)
	if err != nil {
		return time.Time{}, err
	}
	now := tx.Now().Add(time.Minute)
	taken, err := tx.TakenTimes(p.Targets, now, now.AddDate(0, 0, 7*8+1), p.ID)
	if err != nil {
		return time.Time{}, err
	}
	b, err := tx.Blackout()
	if err != nil {
		return time.Time{}, err
	}
	return relais.NextFreeSlot(slots, now, func(t time.Time) bool { return taken[t.Unix()] }, b)
}
