package store

import (
	"encoding/json"
	"time"
)

// Comment is a remark on a post, possibly a reply (ParentID) and naming
// members (Mentions, their IDs).
type Comment struct {
	ID        int64     `json:"id"`
	PostID    int64     `json:"post_id"`
	ParentID  *int64    `json:"parent_id,omitempty"`
	AuthorID  int64     `json:"author_id"`
	Author    string    `json:"author"`
	Body      string    `json:"body"`
	Mentions  []int64   `json:"mentions"`
	CreatedAt time.Time `json:"created_at"`
}

type commentRow struct {
	ID        int64 `gorm:"primaryKey"`
	PostID    int64
	ParentID  *int64
	AuthorID  int64
	Body      string
	Mentions  string
	CreatedAt time.Time
}

func (commentRow) TableName() string { return "comments" }

// CreateComment inserts c and sets its ID and time.
func (tx *Tx) CreateComment(c *Comment) error {
	c.CreatedAt = tx.Now()
	if c.Mentions == nil {
		c.Mentions = []int64{}
	}
	mentions, err := json.Marshal(c.Mentions)
	if err != nil {
		return err
	}
	r := commentRow{PostID: c.PostID, ParentID: c.ParentID, AuthorID: c.AuthorID, Body: c.Body,
		Mentions: string(mentions), CreatedAt: c.CreatedAt}
	if err := tx.db.Create(&r).Error; err != nil {
		return err
	}
	c.ID = r.ID
	return nil
}

// CommentByID returns a comment without its author's name. Returns
// ENOTFOUND if there is none.
func (tx *Tx) CommentByID(id int64) (*Comment, error) {
	var r commentRow
	if err := notFound(tx.db.First(&r, id).Error, "comment", id); err != nil {
		return nil, err
	}
	return r.comment(""), nil
}

// Comments returns a post's comments, oldest first, with author names.
func (tx *Tx) Comments(postID int64) ([]*Comment, error) {
	var rows []commentRow
	if err := tx.db.Where("post_id = ?", postID).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.AuthorID
	}
	names, err := tx.memberNames(ids)
	if err != nil {
		return nil, err
	}
	out := make([]*Comment, len(rows))
	for i, r := range rows {
		out[i] = r.comment(names[r.AuthorID])
	}
	return out, nil
}

func (r commentRow) comment(author string) *Comment {
	c := &Comment{ID: r.ID, PostID: r.PostID, ParentID: r.ParentID, AuthorID: r.AuthorID, Author: author,
		Body: r.Body, CreatedAt: r.CreatedAt.UTC()}
	if json.Unmarshal([]byte(r.Mentions), &c.Mentions) != nil || c.Mentions == nil {
		c.Mentions = []int64{}
	}
	return c
}
