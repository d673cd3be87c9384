package store

import "time"

// Revision is a post's text as it was before an edit made after the post
// was submitted; State is the post's state at the time of the edit.
type Revision struct {
	ID          int64     `json:"id"`
	PostID      int64     `json:"post_id"`
	ContentHash string    `json:"content_hash"`
	Text        string    `json:"text"`
	State       string    `json:"state"`
	CreatedAt   time.Time `json:"created_at"`
}

type revisionRow Revision

func (revisionRow) TableName() string { return "post_revisions" }

// AddRevision records r and sets its ID and time.
func (tx *Tx) AddRevision(r *Revision) error {
	r.CreatedAt = tx.Now()
	row := revisionRow(*r)
	if err := tx.db.Create(&row).Error; err != nil {
		return err
	}
	r.ID = row.ID
	return nil
}

// Revisions returns a post's recorded revisions, oldest first.
func (tx *Tx) Revisions(postID int64) ([]Revision, error) {
	var rows []revisionRow
	if err := tx.db.Where("post_id = ?", postID).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Revision, len(rows))
	for i, r := range rows {
		out[i] = Revision(r)
		out[i].CreatedAt = r.CreatedAt.UTC()
	}
	return out, nil
}
