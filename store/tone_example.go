package store

import (
	"time"

	"github.com/relais/relais"
)

type toneExampleRow struct {
	ID        int64 `gorm:"primaryKey"`
	PostID    *int64
	MemberID  int64
	Text      string
	Label     string
	Source    string
	Reason    string
	CreatedAt time.Time
}

func (toneExampleRow) TableName() string { return "tone_examples" }

// maxToneExamples bounds how many examples ToneExamples returns.
const maxToneExamples = 5000

// AddToneExample records a labelled example and sets e.ID and e.CreatedAt.
func (tx *Tx) AddToneExample(e *relais.ToneExample) error {
	e.CreatedAt = tx.Now()
	r := toneExampleRow{MemberID: e.MemberID, Text: e.Text, Label: e.Label, Source: e.Source,
		Reason: e.Reason, CreatedAt: e.CreatedAt}
	if e.PostID != 0 {
		r.PostID = &e.PostID
	}
	if err := tx.db.Create(&r).Error; err != nil {
		return err
	}
	e.ID = r.ID
	return nil
}

// ToneExamples returns the newest examples first, at most limit (and at
// most 5,000).
func (tx *Tx) ToneExamples(limit int) ([]relais.ToneExample, error) {
	if limit <= 0 || limit > maxToneExamples {
		limit = maxToneExamples
	}
	var rows []toneExampleRow
	if err := tx.db.Order("id DESC").Limit(limit).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]relais.ToneExample, len(rows))
	for i, r := range rows {
		out[i] = relais.ToneExample{ID: r.ID, MemberID: r.MemberID, Text: r.Text, Label: r.Label,
			Source: r.Source, Reason: r.Reason, CreatedAt: r.CreatedAt}
		if r.PostID != nil {
			out[i].PostID = *r.PostID
		}
	}
	return out, nil
}
