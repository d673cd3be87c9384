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
	p, err := r.post()
	if err != nil {
		return nil, err
	}
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
	var rows []approvalRow
	if err := tx.db.Where("post_id = ?", postID).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.MemberID
	}
	names, err := tx.memberNames(ids)
	if err != nil {
		return nil, err
	}
	out := make([]relais.Approval, len(rows))
	for i, r := range rows {
		out[i] = relais.Approval{ID: r.ID, PostID: r.PostID, MemberID: r.MemberID, MemberName: names[r.MemberID],
			Decision: r.Decision, ContentHash: r.ContentHash, Comment: r.Comment, CreatedAt: r.CreatedAt}
	}
	return out, nil
}

// memberNames returns the names of members by ID.
func (tx *Tx) memberNames(ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []memberRow
	if err := tx.db.Select("id", "name").Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.ID] = r.Name
	}
	return out, nil
}
