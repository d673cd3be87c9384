package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais"
)

// bulkRows is the number of rows per multi-row INSERT: 7 columns x 1,000
// rows stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const bulkRows = 1000

// InsertSuggestions writes suggestions with plain multi-row INSERTs on the
// transaction's connection, bulkRows at a time. It is the fan-out's hot path
// (10,000 supporters per post): no gorm reflection, one round trip per batch.
func (tx *Tx) InsertSuggestions(ss []relais.Suggestion) error {
	now := tx.Now()
	err := bulkInsert(tx, "INSERT INTO suggestions (post_id, member_id, supporter_id, text, state, not_before, created_at) VALUES ", "", 7, ss,
		func(s relais.Suggestion) []any {
			return []any{s.PostID, nullID(s.MemberID), nullID(s.SupporterID), s.Text, "pending", s.NotBefore.UTC(), now}
		})
	if err != nil {
		return fmt.Errorf("cannot insert suggestions: %w", err)
	}
	return nil
}

// bulkInsert runs head, then one "(…)" group of cols parameters per row
// from values, then tail, bulkRows rows at a time.
func bulkInsert[T any](tx *Tx, head, tail string, cols int, rows []T, values func(T) []any) error {
	for start := 0; start < len(rows); start += bulkRows {
		batch := rows[start:min(start+bulkRows, len(rows))]
		var b strings.Builder
		b.WriteString(head)
		args := make([]any, 0, len(batch)*cols)
		for i, r := range batch {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(tx.placeholders(len(args), cols))
			args = append(args, values(r)...)
		}
		b.WriteString(tail)
		if _, err := tx.SQL().ExecContext(tx.ctx, b.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// placeholders returns "(?,?,...)" or "($n,...)" for n parameters after
// `used` others.
func (tx *Tx) placeholders(used, n int) string {
	b := make([]byte, 0, 2+7*n)
	b = append(b, '(')
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		if tx.store.dialect == DialectPostgres {
			b = strconv.AppendInt(append(b, '$'), int64(used+i+1), 10) // no fmt: called per row of bulk INSERTs
		} else {
			b = append(b, '?')
		}
	}
	return string(append(b, ')'))
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// ColistierIDs returns the IDs of colistiers in the given districts (all
// colistiers when districts is empty).
func (tx *Tx) ColistierIDs(districts []string) ([]int64, error) {
	var ids []int64
	q := tx.db.Model(&memberRow{}).Where("role = ?", string(relais.RoleColistier))
	if len(districts) > 0 {
		q = q.Where("district IN ?", districts)
	}
	return ids, q.Order("id").Pluck("id", &ids).Error
}

// ShareKit is one suggestion to notify: to a colistier's inbox (MemberID)
// or by e-mail to a supporter.
type ShareKit struct {
	SuggestionID int64
	PostID       int64
	MemberID     int64
	SupporterID  int64
	Email        string
	Name         string
	Lang         string // the supporter's language ("fr" or "en")
	Text         string
	NotBefore    time.Time
	Notified     bool
}

// ShareKits returns the post's suggestions number offset to offset+limit
// (by ID) with the supporters' addresses.
func (tx *Tx) ShareKits(postID int64, offset, limit int) ([]ShareKit, error) {
	var rows []struct {
		ID, PostID            int64
		MemberID, SupporterID *int64
		Email, Name, Text     *string
		Lang                  *string
		NotBefore             time.Time
		NotifiedAt            *time.Time
	}
	err := tx.db.Table("suggestions").
		Select("suggestions.id, suggestions.post_id, suggestions.member_id, suggestions.supporter_id, supporters.email, supporters.name, supporters.lang, suggestions.text, suggestions.not_before, suggestions.notified_at").
		Joins("LEFT JOIN supporters ON supporters.id = suggestions.supporter_id").
		Where("suggestions.post_id = ?", postID).Order("suggestions.id").Offset(offset).Limit(limit).Scan(&rows).Error
	out := make([]ShareKit, len(rows))
	for i, r := range rows {
		out[i] = ShareKit{SuggestionID: r.ID, PostID: r.PostID, MemberID: deref(r.MemberID), SupporterID: deref(r.SupporterID),
			Email: derefS(r.Email), Name: derefS(r.Name), Lang: derefS(r.Lang), Text: derefS(r.Text), NotBefore: r.NotBefore, Notified: r.NotifiedAt != nil}
	}
	return out, err
}

// MarkNotified records that suggestions were notified.
func (tx *Tx) MarkNotified(ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return tx.db.Model(&suggestionRow{}).Where("id IN ?", ids).Update("notified_at", tx.Now()).Error
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func derefS(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// AccountsByIDs returns the accounts with the given IDs (no credentials).
func (tx *Tx) AccountsByIDs(ids []int64) ([]*relais.Account, error) {
	var rows []accountRow
	if err := tx.db.Where("id IN ?", ids).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]*relais.Account, len(rows))
	for i, r := range rows {
		out[i] = r.account()
	}
	return out, nil
}
