package store

import (
	"time"

	"gorm.io/gorm/clause"
)

type vapidRow struct {
	ID         int64 `gorm:"primaryKey"`
	PublicKey  string
	PrivateKey []byte
	CreatedAt  time.Time
}

func (vapidRow) TableName() string { return "push_vapid" }

var vapidAAD = []byte("push_vapid:1")

// VAPIDKeys returns the server's Web Push key pair, creating it with gen
// the first time (the first replica to commit wins). The private key is
// sealed at rest with the secret box.
func (tx *Tx) VAPIDKeys(gen func() (private, public string, err error)) (private, public string, err error) {
	var r vapidRow
	if err := tx.db.Where("id = 1").Limit(1).Find(&r).Error; err != nil {
		return "", "", err
	}
	if r.ID == 0 {
		priv, pub, err := gen()
		if err != nil {
			return "", "", err
		}
		r = vapidRow{ID: 1, PublicKey: pub, PrivateKey: tx.store.box.Seal([]byte(priv), vapidAAD), CreatedAt: tx.Now()}
		if err := tx.db.Clauses(clause.OnConflict{DoNothing: true}).Create(&r).Error; err != nil {
			return "", "", err
		}
		if err := tx.db.Where("id = 1").First(&r).Error; err != nil {
			return "", "", err
		}
	}
	pt, err := tx.store.box.Open(r.PrivateKey, vapidAAD)
	return string(pt), r.PublicKey, err
}

// PushSubscription is one browser's Web Push subscription.
type PushSubscription struct {
	ID        int64 `gorm:"primaryKey"`
	MemberID  int64
	Endpoint  string
	P256dh    string `gorm:"column:p256dh"`
	Auth      string
	CreatedAt time.Time
}

// TableName is the subscriptions table.
func (PushSubscription) TableName() string { return "push_subscriptions" }

// SavePushSubscription records s for its member; an endpoint already known
// moves to that member with the new keys.
func (tx *Tx) SavePushSubscription(s *PushSubscription) error {
	s.CreatedAt = tx.Now()
	return tx.db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "endpoint"}},
		DoUpdates: clause.AssignmentColumns([]string{"member_id", "p256dh", "auth", "created_at"})}).Create(s).Error
}

// PushSubscriptions returns member id's subscriptions.
func (tx *Tx) PushSubscriptions(memberID int64) ([]PushSubscription, error) {
	var out []PushSubscription
	err := tx.db.Where("member_id = ?", memberID).Order("id").Find(&out).Error
	return out, err
}

// CountPushSubscriptions returns how many subscriptions member id has.
func (tx *Tx) CountPushSubscriptions(memberID int64) (int, error) {
	var n int64
	err := tx.db.Model(&PushSubscription{}).Where("member_id = ?", memberID).Count(&n).Error
	return int(n), err
}

// DeletePushSubscription forgets an endpoint (gone or unsubscribed).
func (tx *Tx) DeletePushSubscription(endpoint string) error {
	return tx.db.Where("endpoint = ?", endpoint).Delete(&PushSubscription{}).Error
}
