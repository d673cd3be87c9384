package store

import (
	"time"

	"gorm.io/gorm/clause"
)

type captureKeyRow struct {
	MemberID  int64  `gorm:"primaryKey"`
	IdemKey   string `gorm:"primaryKey"`
	PostID    *int64
	CreatedAt time.Time
}

func (captureKeyRow) TableName() string { return "capture_keys" }

// ClaimCaptureKey records member's idempotency key. It reports whether
// the key is new; for a known key it returns the post created with it
// (nil while its first request is still being processed).
func (tx *Tx) ClaimCaptureKey(memberID int64, key string) (bool, *int64, error) {
	row := captureKeyRow{MemberID: memberID, IdemKey: key, CreatedAt: tx.Now()}
	res := tx.db.Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
	if res.Error != nil || res.RowsAffected > 0 {
		return res.Error == nil, nil, res.Error
	}
	var old captureKeyRow
	err := tx.db.Where("member_id = ? AND idem_key = ?", memberID, key).First(&old).Error
	return false, old.PostID, err
}

// BindCaptureKey records the post created with member's key.
func (tx *Tx) BindCaptureKey(memberID int64, key string, postID int64) error {
	return tx.db.Model(&captureKeyRow{}).Where("member_id = ? AND idem_key = ?", memberID, key).
		Update("post_id", postID).Error
}

// ReleaseCaptureKey forgets member's key after a refused request, so that
// the phone may send it again once corrected.
func (tx *Tx) ReleaseCaptureKey(memberID int64, key string) error {
	return tx.db.Where("member_id = ? AND idem_key = ? AND post_id IS NULL", memberID, key).Delete(&captureKeyRow{}).Error
}
