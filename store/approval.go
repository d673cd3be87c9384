package store

import (
	"time"

	"gorm.io/gorm/clause"

	"github.com/relais/relais"
)

type approvalRow struct {
	ID          int64 `gorm:"primaryKey"`
	PostID      int64
	MemberID    int64
	Decision    string
	ContentHash string
	Comment     string
	CreatedAt   time.Time
}

func (approvalRow) TableName() string { return "approvals" }

// PostForUpdate returns a post like PostByID, locking its row on PostgreSQL
// until the transaction ends (SQLite transactions are already exclusive).
func (tx *Tx) PostForUpdate(id int64) (*relais.Post, error) {
	var r postRow
	q := tx.db
	if tx.store.dialect == DialectPostgres {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	if err := notFound(q.First(&r, id).Error, "post", id); err != nil {
		return nil, err
	}
	p := r.post()
	return p, tx.loadTargets([]*relais.Post{p})
}

// AddApproval records a decision and sets a.ID.
func (tx *Tx) AddApproval(a *relais.Approval) error {
	a.CreatedAt = tx.Now()
	r := approvalRow{PostID: a.PostID, MemberID: a.MemberID, Decision: a.Decision,
		ContentHash: a.ContentHash, Comment: a.Comment, CreatedAt: a.CreatedAt}
	if err := tx.db.Create(&r).Error; err != nil {
		return err
	}
	a.ID = r.ID
	return nil
}

// Approvals returns a post's decisions, oldest first, with member names.
func (tx *Tx) Approvals(postID int64) ([]relais.Approval, error) {
	type row struct {
		approvalRow
		Name string
	}
	var rows []row
	err := tx.db.Table("approvals").Select("approvals.*, members.name AS name").
		Joins("JOIN members ON members.id = approvals.member_id").
		Where("approvals.post_id = ?", postID).Order("approvals.id").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]relais.Approval, len(rows))
	for i, r := range rows {
		out[i] = relais.Approval{ID: r.ID, PostID: r.PostID, MemberID: r.MemberID, MemberName: r.Name,
			Decision: r.Decision, ContentHash: r.ContentHash, Comment: r.Comment, CreatedAt: r.CreatedAt}
	}
	return out, nil
}
