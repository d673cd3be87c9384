package store

import (
	"time"

	"gorm.io/gorm/clause"

	"github.com/relais/relais"
)

type recurrenceRow struct {
	ID          int64 `gorm:"primaryKey"`
	PostID      int64
	Spec        string
	TZ          string `gorm:"column:tz"`
	Active      bool
	NextAt      *time.Time
	CreatedBy   int64
	CreatedAt   time.Time
	ContentHash string
}

func (recurrenceRow) TableName() string { return "recurrences" }

func (r recurrenceRow) recurrence() *relais.Recurrence {
	return &relais.Recurrence{ID: r.ID, PostID: r.PostID, Spec: r.Spec, TZ: r.TZ, Active: r.Active,
		NextAt: r.NextAt, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt, ContentHash: r.ContentHash}
}

type recurrenceRunRow struct {
	RecurrenceID int64     `gorm:"primaryKey"`
	At           time.Time `gorm:"primaryKey"`
	PostID       *int64
	Outcome      string
}

func (recurrenceRunRow) TableName() string { return "recurrence_runs" }

// CreateRecurrence inserts r (active) and sets its ID.
func (tx *Tx) CreateRecurrence(r *relais.Recurrence) error {
	r.Active, r.CreatedAt = true, tx.Now()
	row := recurrenceRow{PostID: r.PostID, Spec: r.Spec, TZ: r.TZ, Active: true, NextAt: utcPtr(r.NextAt),
		CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt, ContentHash: r.ContentHash}
	if err := tx.db.Create(&row).Error; err != nil {
		return err
	}
	r.ID = row.ID
	return nil
}

// RecurrenceForUpdate returns a recurrence, locking it on PostgreSQL.
// Returns ENOTFOUND if there is none.
func (tx *Tx) RecurrenceForUpdate(id int64) (*relais.Recurrence, error) {
	var r recurrenceRow
	q := tx.db
	if tx.store.dialect == DialectPostgres {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	if err := notFound(q.First(&r, id).Error, "recurrence", id); err != nil {
		return nil, err
	}
	return r.recurrence(), nil
}

// Recurrences returns every recurrence, newest first.
func (tx *Tx) Recurrences() ([]*relais.Recurrence, error) {
	var rows []recurrenceRow
	if err := tx.db.Order("id DESC").Limit(500).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]*relais.Recurrence, len(rows))
	for i, r := range rows {
		out[i] = r.recurrence()
	}
	return out, nil
}

// SetRecurrence saves a recurrence's active flag and next time.
func (tx *Tx) SetRecurrence(r *relais.Recurrence) error {
	return tx.db.Model(&recurrenceRow{}).Where("id = ?", r.ID).
		Updates(map[string]any{"active": r.Active, "next_at": utcPtr(r.NextAt)}).Error
}

// AddRecurrenceRun records that a recurrence fired at `at`. It reports
// false, writing nothing, if that time was already recorded.
func (tx *Tx) AddRecurrenceRun(id int64, at time.Time, postID int64, outcome string) (bool, error) {
	row := recurrenceRunRow{RecurrenceID: id, At: at.UTC(), Outcome: outcome}
	if postID != 0 {
		row.PostID = &postID
	}
	res := tx.db.Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
	return res.RowsAffected == 1, res.Error
}

// RecurrenceRuns returns how a recurrence fired, oldest first.
func (tx *Tx) RecurrenceRuns(id int64) ([]relais.RecurrenceRun, error) {
	var rows []recurrenceRunRow
	if err := tx.db.Where("recurrence_id = ?", id).Order("at").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]relais.RecurrenceRun, len(rows))
	for i, r := range rows {
		out[i] = relais.RecurrenceRun{At: r.At.UTC(), Outcome: r.Outcome}
		if r.PostID != nil {
			out[i].PostID = *r.PostID
		}
	}
	return out, nil
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
