package approval

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// DefaultSlotSpacing is how close two posts on one account may be
// scheduled before relais warns, for an account without (or with one)
// queue slot.
const DefaultSlotSpacing = 10 * time.Minute

// SlotConflict is another post scheduled on one of the post's accounts
// closer than that account's slot spacing: a warning, never a refusal.
type SlotConflict struct {
	PostID    int64         `json:"post_id"`
	AccountID int64         `json:"account_id"`
	Handle    string        `json:"handle"`
	At        time.Time     `json:"scheduled_at"`
	Spacing   time.Duration `json:"-"`
}

// plannedStates are the states of a post with a date still to come: a
// draft, one in review or sent back, one scheduled.
var plannedStates = []relais.PostState{relais.PostDraft, relais.PostInReview, relais.PostChangesRequested, relais.PostScheduled}

// SlotConflicts returns the posts planned (draft, in review, sent back or
// scheduled) on the same accounts as post id within each account's slot
// spacing of its date (none for a post without a date or one the caller
// may not read).
func (s *Service) SlotConflicts(ctx context.Context, id int64) ([]SlotConflict, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	var out []SlotConflict
	err = s.store.View(ctx, func(tx *store.Tx) error {
		p, err := tx.PostByID(id)
		if err != nil || p.ScheduledAt == nil || !policy.Can(m, policy.PostReadUnpublished, policy.PostObject(p)) {
			return err
		}
		out, err = conflicts(tx, p)
		return err
	})
	return out, err
}

// conflicts lists p's neighbours too close on each of its accounts.
func conflicts(tx *store.Tx, p *relais.Post) ([]SlotConflict, error) {
	return conflictsAt(tx, *p.ScheduledAt, p.Targets, p.ID)
}

// conflictsAt lists the planned posts other than post except too close
// to at on each of accounts.
func conflictsAt(tx *store.Tx, at time.Time, accounts []int64, except int64) ([]SlotConflict, error) {
	var out []SlotConflict
	for _, acct := range accounts {
		sp, err := slotSpacing(tx, acct)
		if err != nil {
			return nil, err
		}
		from, to := at.Add(-sp+time.Nanosecond), at.Add(sp)
		ps, err := tx.Posts(store.PostFilter{States: plannedStates, From: &from, To: &to, Limit: 50})
		if err != nil {
			return nil, err
		}
		a, err := tx.AccountByID(acct)
		if err != nil {
			return nil, err
		}
		for _, o := range ps {
			if o.ID != except && o.ScheduledAt != nil && slices.Contains(o.Targets, acct) {
				out = append(out, SlotConflict{PostID: o.ID, AccountID: acct, Handle: a.Handle, At: *o.ScheduledAt, Spacing: sp})
			}
		}
	}
	return out, nil
}

// slotSpacing is the shortest gap between an account's weekly queue
// slots, DefaultSlotSpacing when it has fewer than two.
func slotSpacing(tx *store.Tx, account int64) (time.Duration, error) {
	ss, err := tx.Slots([]int64{account})
	if err != nil {
		return 0, err
	}
	var mins []int
	for _, q := range ss {
		if m, ok := minuteOfWeek(q); ok && !slices.Contains(mins, m) {
			mins = append(mins, m)
		}
	}
	if len(mins) < 2 {
		return DefaultSlotSpacing, nil
	}
	slices.Sort(mins)
	gap := mins[0] + 7*24*60 - mins[len(mins)-1] // across the week's end
	for i := 1; i < len(mins); i++ {
		gap = min(gap, mins[i]-mins[i-1])
	}
	return time.Duration(gap) * time.Minute, nil
}

// minuteOfWeek places a slot in the week (Sunday 00:00 is 0).
func minuteOfWeek(q relais.QueueSlot) (int, bool) {
	h, m, ok := strings.Cut(q.Time, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil {
		return 0, false
	}
	return int(q.Weekday)*24*60 + hh*60 + mm, true
}
