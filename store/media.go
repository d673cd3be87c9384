package store

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"gorm.io/gorm/clause"

	"github.com/relais/relais"
)

type mediaRow struct {
	ID          int64 `gorm:"primaryKey"`
	PostID      *int64
	Position    int
	Filename    string
	ContentType string
	Size        int
	SHA256      string `gorm:"column:sha256"`
	AltText     string
	Data        []byte
	UploadedBy  int64
	CreatedAt   time.Time
}

func (mediaRow) TableName() string { return "media" }

func (r mediaRow) media() relais.Media {
	return relais.Media{ID: r.ID, Filename: r.Filename, ContentType: r.ContentType, Size: r.Size,
		SHA256: r.SHA256, AltText: r.AltText, UploadedBy: r.UploadedBy, CreatedAt: r.CreatedAt}
}

// mediaColumns are the columns read when the bytes are not needed.
var mediaColumns = []string{"id", "post_id", "position", "filename", "content_type", "size", "sha256", "alt_text", "uploaded_by", "created_at"}

// CreateMedia stores an uploaded image, not yet attached to a post, and
// sets m's ID, size and hash. The bytes are stored once per hash.
func (tx *Tx) CreateMedia(m *relais.Media, data []byte) error {
	sum := sha256.Sum256(data)
	m.SHA256, m.Size, m.CreatedAt = hex.EncodeToString(sum[:]), len(data), tx.Now()
	err := tx.db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "sha256"}}, DoNothing: true}).
		Create(&blobRow{SHA256: m.SHA256, Data: data}).Error
	if err != nil {
		return err
	}
	return tx.createMediaRow(m)
}

func (tx *Tx) createMediaRow(m *relais.Media) error {
	r := mediaRow{Filename: m.Filename, ContentType: m.ContentType, Size: m.Size, SHA256: m.SHA256,
		AltText: m.AltText, Data: []byte{}, UploadedBy: m.UploadedBy, CreatedAt: m.CreatedAt}
	if err := tx.db.Create(&r).Error; err != nil {
		return err
	}
	m.ID = r.ID
	return nil
}

type blobRow struct {
	SHA256 string `gorm:"column:sha256;primaryKey"`
	Data   []byte
}

func (blobRow) TableName() string { return "media_blobs" }

// MediaByID returns an image's metadata. Returns ENOTFOUND if none.
func (tx *Tx) MediaByID(id int64) (relais.Media, *int64, error) {
	var r mediaRow
	if err := notFound(tx.db.Select(mediaColumns).First(&r, id).Error, "media", id); err != nil {
		return relais.Media{}, nil, err
	}
	return r.media(), r.PostID, nil
}

// MediaData returns an image's bytes. Returns ENOTFOUND if none.
func (tx *Tx) MediaData(id int64) ([]byte, error) {
	var r mediaRow
	if err := notFound(tx.db.Select("id", "sha256", "data").First(&r, id).Error, "media", id); err != nil {
		return nil, err
	}
	if len(r.Data) > 0 {
		return r.Data, nil // written before blobs were shared
	}
	var b blobRow
	if err := notFound(tx.db.First(&b, "sha256 = ?", r.SHA256).Error, "media", id); err != nil {
		return nil, err
	}
	return b.Data, nil
}

// setMedia attaches ms to a post in order and detaches what it no longer
// carries (detached images are kept for a later post).
func (tx *Tx) setMedia(postID int64, ms []relais.Media) error {
	if err := tx.db.Model(&mediaRow{}).Where("post_id = ?", postID).Updates(map[string]any{"post_id": nil, "position": 0}).Error; err != nil {
		return err
	}
	for i, m := range ms {
		// Only a free image (or one of this post's) may be taken: two posts
		// saved at once cannot both claim it.
		res := tx.db.Model(&mediaRow{}).Where("id = ? AND post_id IS NULL", m.ID).Updates(map[string]any{"post_id": postID, "position": i})
		if res.Error != nil {
			return res.Error
		} else if res.RowsAffected == 0 {
			return relais.FieldErrorf("media", "Image %d is already attached to another post.", m.ID)
		}
	}
	return nil
}

// loadMedia fills the posts' Media, in order.
func (tx *Tx) loadMedia(byID map[int64]*relais.Post, ids []int64) error {
	var rows []mediaRow
	if err := tx.db.Select(mediaColumns).Where("post_id IN ?", ids).Order("post_id, position").Find(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		p := byID[*r.PostID]
		p.Media = append(p.Media, r.media())
	}
	return nil
}

// CopyMedia makes new, unattached image rows for ms (sharing their bytes)
// so that another post can carry them, and returns them.
func (tx *Tx) CopyMedia(ms []relais.Media) ([]relais.Media, error) {
	out := make([]relais.Media, 0, len(ms))
	for _, m := range ms {
		c := m
		c.CreatedAt = tx.Now()
		if err := tx.ensureBlob(m); err != nil {
			return nil, err
		} else if err := tx.createMediaRow(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// ensureBlob moves an older row's bytes into the shared blobs.
func (tx *Tx) ensureBlob(m relais.Media) error {
	var n int64
	if err := tx.db.Model(&blobRow{}).Where("sha256 = ?", m.SHA256).Count(&n).Error; err != nil || n > 0 {
		return err
	}
	data, err := tx.MediaData(m.ID)
	if err != nil {
		return err
	}
	return tx.db.Create(&blobRow{SHA256: m.SHA256, Data: data}).Error
}

// DeleteUnattachedMedia removes uploads that no post carries and that are
// older than before, and returns how many.
func (tx *Tx) DeleteUnattachedMedia(before time.Time) (int64, error) {
	res := tx.db.Where("post_id IS NULL AND created_at < ?", before.UTC()).Delete(&mediaRow{})
	if res.Error != nil || res.RowsAffected == 0 {
		return res.RowsAffected, res.Error
	}
	err := tx.db.Where("sha256 NOT IN (?)", tx.db.Model(&mediaRow{}).Select("sha256")).Delete(&blobRow{}).Error
	return res.RowsAffected, err
}
