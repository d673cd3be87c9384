package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/relais/relais"
)

type postRow struct {
	ID          int64 `gorm:"primaryKey"`
	AuthorID    int64
	Text        string
	Variants    string
	ScheduledAt *time.Time
	Sensitive   bool
	State       string
	ContentHash string
	Tone        string
	Routing     string
	Lang        string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (postRow) TableName() string { return "posts" }

type targetRow struct {
	PostID    int64 `gorm:"primaryKey"`
	AccountID int64 `gorm:"primaryKey"`
}

func (targetRow) TableName() string { return "post_targets" }

func toPostRow(p *relais.Post) postRow {
	v, _ := json.Marshal(p.Variants)
	tone := []byte("{}")
	if p.Tone != nil {
		tone, _ = json.Marshal(p.Tone)
	}
	routing, _ := json.Marshal(p.Routing)
	r := postRow{ID: p.ID, AuthorID: p.AuthorID, Text: p.Text, Variants: string(v), Sensitive: p.Sensitive,
		State: string(p.State), ContentHash: p.ContentHash, Tone: string(tone), Routing: string(routing),
		CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt, Lang: p.Lang}
	if p.ScheduledAt != nil {
		t := p.ScheduledAt.UTC()
		r.ScheduledAt = &t
	}
	return r
}

// post decodes a row. A stored variants, routing or tone column that is not
// valid JSON is an error naming the post, never silently empty (an empty
// routing would lose who must approve it).
func (r postRow) post() (*relais.Post, error) {
	p := &relais.Post{ID: r.ID, AuthorID: r.AuthorID, Text: r.Text, Sensitive: r.Sensitive,
		State: relais.PostState(r.State), ContentHash: r.ContentHash, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, Lang: r.Lang}
	var tv relais.ToneVerdict
	for _, c := range []struct {
		name, raw string
		dst       any
	}{{"variants", r.Variants, &p.Variants}, {"routing", r.Routing, &p.Routing}, {"tone", r.Tone, &tv}} {
		if err := decodeColumn(c.raw, c.dst); err != nil {
			return nil, fmt.Errorf("post %d: cannot decode its %s: %w", r.ID, c.name, err)
		}
	}
	if tv.Verdict != "" {
		p.Tone = &tv
	}
	if r.ScheduledAt != nil {
		t := r.ScheduledAt.UTC()
		p.ScheduledAt = &t
	}
	return p, nil
}

// decodeColumn decodes a JSON column; an empty one leaves dst as it is.
func decodeColumn(raw string, dst any) error {
	if raw == "" {
		return nil
	}
	return json.Unmarshal([]byte(raw), dst)
}

// CreatePost inserts p and its targets, and sets p.ID and timestamps.
func (tx *Tx) CreatePost(p *relais.Post) error {
	p.CreatedAt, p.UpdatedAt = tx.Now(), tx.Now()
	r := toPostRow(p)
	if err := tx.db.Create(&r).Error; err != nil {
		return err
	}
	p.ID = r.ID
	return tx.setParts(p)
}

// setParts writes what a post holds beside its row: images, video,
// quoted post and target accounts.
func (tx *Tx) setParts(p *relais.Post) error {
	if err := tx.setMedia(p.ID, p.Media); err != nil {
		return err
	} else if err := tx.setVideo(p.ID, p.Video); err != nil {
		return err
	} else if err := tx.setQuote(p.ID, p.Quote); err != nil {
		return err
	}
	return tx.setTargets(p.ID, p.Targets)
}

func (tx *Tx) setTargets(postID int64, ids []int64) error {
	if err := tx.db.Where("post_id = ?", postID).Delete(&targetRow{}).Error; err != nil {
		return err
	}
	rows := make([]targetRow, len(ids))
	for i, id := range ids {
		rows[i] = targetRow{PostID: postID, AccountID: id}
	}
	if len(rows) == 0 {
		return nil
	}
	return tx.db.Create(&rows).Error
}

// UpdatePost saves every field of p but its state, including its
// targets, only while the post is still in p.State (ECONFLICT otherwise:
// another writer moved it). The state changes through MovePost.
func (tx *Tx) UpdatePost(p *relais.Post) error {
	p.UpdatedAt = tx.Now()
	r := toPostRow(p)
	res := tx.db.Model(&postRow{}).Where("id = ? AND state = ?", p.ID, r.State).Select("*").Omit("id", "created_at", "state").Updates(&r)
	if err := tx.stale(res.Error, res.RowsAffected, "post", p.ID, r.State, string(relais.PostEdit)); err != nil {
		return err
	}
	return tx.setParts(p)
}

// SetPostState forces a post's state, outside the lifecycle and without
// an audit entry: for test fixtures and data repair only. Services move a
// post with MovePost.
func (tx *Tx) SetPostState(id int64, state relais.PostState) error {
	return tx.db.Model(&postRow{}).Where("id = ?", id).
		Updates(map[string]any{"state": string(state), "updated_at": tx.Now()}).Error
}

// barepost returns a post without its targets or images. Returns
// ENOTFOUND if none.
func (tx *Tx) barepost(id int64) (*relais.Post, error) {
	var r postRow
	if err := notFound(tx.db.First(&r, id).Error, "post", id); err != nil {
		return nil, err
	}
	return r.post()
}

// PostByID returns a post with its targets. Returns ENOTFOUND if none.
func (tx *Tx) PostByID(id int64) (*relais.Post, error) {
	p, err := tx.barepost(id)
	if err != nil {
		return nil, err
	}
	return p, tx.loadTargets([]*relais.Post{p})
}

func (tx *Tx) loadTargets(posts []*relais.Post) error {
	if len(posts) == 0 {
		return nil
	}
	byID := make(map[int64]*relais.Post, len(posts))
	ids := make([]int64, len(posts))
	for i, p := range posts {
		byID[p.ID], ids[i] = p, p.ID
		p.Targets = []int64{}
	}
	var rows []targetRow
	if err := tx.db.Where("post_id IN ?", ids).Order("post_id, account_id").Find(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		byID[r.PostID].Targets = append(byID[r.PostID].Targets, r.AccountID)
	}
	return tx.loadAttachments(byID, ids)
}

// PostFilter selects posts.
type PostFilter struct {
	States []relais.PostState
	From   *time.Time // scheduled_at >= From
	To     *time.Time // scheduled_at < To
	Limit  int
}

// Posts returns the posts matching f, newest first.
func (tx *Tx) Posts(f PostFilter) ([]*relais.Post, error) {
	q := tx.db.Model(&postRow{})
	if len(f.States) > 0 {
		q = q.Where("state IN ?", f.States)
	} else {
		q = q.Where("state <> ?", relais.PostDeleted)
	}
	if f.From != nil {
		q = q.Where("scheduled_at >= ?", f.From.UTC())
	}
	if f.To != nil {
		q = q.Where("scheduled_at < ?", f.To.UTC())
	}
	if f.Limit <= 0 {
		f.Limit = 200
	}
	var rows []postRow
	if err := q.Order("updated_at DESC, id DESC").Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]*relais.Post, len(rows))
	for i, r := range rows {
		var err error
		if out[i], err = r.post(); err != nil {
			return nil, err
		}
	}
	return out, tx.loadTargets(out)
}
