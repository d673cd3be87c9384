package store

import (
	"time"

	"gorm.io/gorm/clause"

	"github.com/relais/relais"
)

type slotRow struct {
	ID        int64 `gorm:"primaryKey"`
	AccountID int64
	Weekday   int
	AtTime    string
	TZ        string `gorm:"column:tz"`
}

func (slotRow) TableName() string { return "queue_slots" }

// AddSlots inserts queue slots, ignoring those an account already has.
func (tx *Tx) AddSlots(ss []relais.QueueSlot) error {
	rows := make([]slotRow, len(ss))
	for i, s := range ss {
		rows[i] = slotRow{AccountID: s.AccountID, Weekday: int(s.Weekday), AtTime: s.Time, TZ: s.TZ}
	}
	if len(rows) == 0 {
		return nil
	}
	return tx.db.Clauses(clause.OnConflict{DoNothing: true}).Create(&rows).Error
}

// Slots returns the queue slots of the given accounts.
func (tx *Tx) Slots(accountIDs []int64) ([]relais.QueueSlot, error) {
	var rows []slotRow
	if err := tx.db.Where("account_id IN ?", accountIDs).Order("account_id, weekday, at_time").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]relais.QueueSlot, len(rows))
	for i, r := range rows {
		out[i] = relais.QueueSlot{ID: r.ID, AccountID: r.AccountID, Weekday: time.Weekday(r.Weekday), Time: r.AtTime, TZ: r.TZ}
	}
	return out, nil
}

// DeleteSlot removes a slot. Returns ENOTFOUND if there is none.
func (tx *Tx) DeleteSlot(id int64) error {
	res := tx.db.Where("id = ?", id).Delete(&slotRow{})
	if res.Error == nil && res.RowsAffected == 0 {
		return relais.Errorf(relais.ENOTFOUND, "Queue slot %d not found.", id)
	}
	return res.Error
}

// liveStates are the states of posts that still hold their time slot.
var liveStates = []string{string(relais.PostDraft), string(relais.PostInReview), string(relais.PostChangesRequested),
	string(relais.PostApproved), string(relais.PostScheduled)}

// TakenTimes returns the scheduled times (Unix seconds) of live posts
// targeting any of accountIDs between from and to, excluding post skip.
func (tx *Tx) TakenTimes(accountIDs []int64, from, to time.Time, skip int64) (map[int64]bool, error) {
	var times []time.Time
	err := tx.db.Model(&postRow{}).Distinct("posts.scheduled_at").
		Joins("JOIN post_targets ON post_targets.post_id = posts.id").
		Where("post_targets.account_id IN ? AND posts.state IN ? AND posts.id <> ?", accountIDs, liveStates, skip).
		Where("posts.scheduled_at >= ? AND posts.scheduled_at < ?", from.UTC(), to.UTC()).
		Pluck("posts.scheduled_at", &times).Error
	out := make(map[int64]bool, len(times))
	for _, t := range times {
		out[t.Unix()] = true
	}
	return out, err
}
