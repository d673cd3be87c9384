package store

import (
	"time"

	"github.com/relais/relais"
)

type suggestionRow struct {
	ID          int64 `gorm:"primaryKey"`
	PostID      int64
	MemberID    *int64
	SupporterID *int64
	Text        string
	State       string
	NotBefore   time.Time
	CreatedAt   time.Time
}

func (suggestionRow) TableName() string { return "suggestions" }

func (r suggestionRow) suggestion() *relais.Suggestion {
	s := &relais.Suggestion{ID: r.ID, PostID: r.PostID, Text: r.Text, State: r.State, NotBefore: r.NotBefore, CreatedAt: r.CreatedAt}
	if r.MemberID != nil {
		s.MemberID = *r.MemberID
	}
	if r.SupporterID != nil {
		s.SupporterID = *r.SupporterID
	}
	return s
}

// CreateSuggestions inserts suggestions in multi-row batches.
func (tx *Tx) CreateSuggestions(ss []relais.Suggestion) error {
	rows := make([]suggestionRow, len(ss))
	for i, s := range ss {
		rows[i] = suggestionRow{PostID: s.PostID, Text: s.Text, State: "pending", NotBefore: s.NotBefore.UTC(), CreatedAt: tx.Now()}
		if s.MemberID != 0 {
			id := s.MemberID
			rows[i].MemberID = &id
		}
		if s.SupporterID != 0 {
			id := s.SupporterID
			rows[i].SupporterID = &id
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return tx.db.CreateInBatches(&rows, 400).Error
}

// CountSuggestions returns how many suggestions a post has.
func (tx *Tx) CountSuggestions(postID int64) (int64, error) {
	var n int64
	err := tx.db.Model(&suggestionRow{}).Where("post_id = ?", postID).Count(&n).Error
	return n, err
}

// MemberSuggestions returns a member's suggestions, newest first.
func (tx *Tx) MemberSuggestions(memberID int64) ([]*relais.Suggestion, error) {
	var rows []suggestionRow
	if err := tx.db.Where("member_id = ?", memberID).Order("id DESC").Limit(200).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]*relais.Suggestion, len(rows))
	for i, r := range rows {
		out[i] = r.suggestion()
	}
	return out, nil
}

// SuggestionByID returns a suggestion. Returns ENOTFOUND if none.
func (tx *Tx) SuggestionByID(id int64) (*relais.Suggestion, error) {
	var r suggestionRow
	if err := notFound(tx.db.First(&r, id).Error, "suggestion", id); err != nil {
		return nil, err
	}
	return r.suggestion(), nil
}

// SetSuggestionState records a share or a decline.
func (tx *Tx) SetSuggestionState(id int64, state string) error {
	return tx.db.Model(&suggestionRow{}).Where("id = ?", id).Update("state", state).Error
}

// MoveSuggestion records a share or a decline only over state from: when
// a concurrent click moved the suggestion first, it returns ECONFLICT
// instead of claiming it a second time (and publishing it twice).
func (tx *Tx) MoveSuggestion(id int64, from, to string) error {
	r := tx.db.Model(&suggestionRow{}).Where("id = ? AND state = ?", id, from).Update("state", to)
	if r.Error != nil || r.RowsAffected == 1 {
		return r.Error
	}
	return relais.Errorf(relais.ECONFLICT, "Suggestion %d is no longer %s.", id, from)
}

// SetSuggestionText stores the text a member actually shared (edited).
func (tx *Tx) SetSuggestionText(id int64, text string) error {
	return tx.db.Model(&suggestionRow{}).Where("id = ?", id).Update("text", text).Error
}

// SuggestionCounts returns, per colistier, how many suggestions she has in
// each state, in one query.
func (tx *Tx) SuggestionCounts() (map[int64]map[string]int, error) {
	var rows []struct {
		MemberID int64
		State    string
		N        int
	}
	err := tx.db.Model(&suggestionRow{}).Select("member_id, state, COUNT(*) AS n").
		Where("member_id IS NOT NULL").Group("member_id, state").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := map[int64]map[string]int{}
	for _, r := range rows {
		if out[r.MemberID] == nil {
			out[r.MemberID] = map[string]int{}
		}
		out[r.MemberID][r.State] = r.N
	}
	return out, nil
}
