package store

import (
	"time"

	"gorm.io/gorm/clause"

	"github.com/relais/relais"
)

type deliveryRow struct {
	ID             int64 `gorm:"primaryKey"`
	PostID         int64
	AccountID      int64
	State          string
	IdempotencyKey string
	RemoteID       string
	URL            string `gorm:"column:url"`
	Error          string
	Attempts       int
	FirstAttemptAt *time.Time
	PublishedAt    *time.Time
	UpdatedAt      time.Time
	HeldBy         string
	HeldSince      *time.Time
}

func (deliveryRow) TableName() string { return "deliveries" }

func (r deliveryRow) delivery() *relais.Delivery {
	return &relais.Delivery{ID: r.ID, PostID: r.PostID, AccountID: r.AccountID, State: relais.DeliveryState(r.State),
		IdempotencyKey: r.IdempotencyKey, RemoteID: r.RemoteID, URL: r.URL, Error: r.Error,
		Attempts: r.Attempts, FirstAttemptAt: r.FirstAttemptAt, PublishedAt: r.PublishedAt, UpdatedAt: r.UpdatedAt,
		HeldBy: r.HeldBy, HeldSince: r.HeldSince}
}

// CreateDeliveries inserts one pending delivery per account of a post,
// skipping accounts that already have one, and returns all of the post's
// deliveries. key returns the idempotency key for an account.
func (tx *Tx) CreateDeliveries(postID int64, accountIDs []int64, key func(accountID int64) string) ([]*relais.Delivery, error) {
	rows := make([]deliveryRow, len(accountIDs))
	for i, id := range accountIDs {
		rows[i] = deliveryRow{PostID: postID, AccountID: id, State: string(relais.DeliveryInitial[relais.DeliveryCreate]),
			IdempotencyKey: key(id), UpdatedAt: tx.Now()}
	}
	if len(rows) > 0 {
		err := tx.db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "post_id"}, {Name: "account_id"}}, DoNothing: true}).
			CreateInBatches(&rows, 500).Error
		if err != nil {
			return nil, err
		}
	}
	return tx.Deliveries(postID)
}

// Deliveries returns a post's deliveries by account.
func (tx *Tx) Deliveries(postID int64) ([]*relais.Delivery, error) {
	var rows []deliveryRow
	if err := tx.db.Where("post_id = ?", postID).Order("account_id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]*relais.Delivery, len(rows))
	for i, r := range rows {
		out[i] = r.delivery()
	}
	return out, nil
}

// DeliveriesInState returns deliveries in one of states, oldest first.
func (tx *Tx) DeliveriesInState(states ...relais.DeliveryState) ([]*relais.Delivery, error) {
	var rows []deliveryRow
	if err := tx.db.Where("state IN ?", states).Order("id").Limit(1000).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]*relais.Delivery, len(rows))
	for i, r := range rows {
		out[i] = r.delivery()
	}
	return out, nil
}

// DeliveryForUpdate returns a delivery, locking it on PostgreSQL. Returns
// ENOTFOUND if there is none.
func (tx *Tx) DeliveryForUpdate(id int64) (*relais.Delivery, error) {
	var r deliveryRow
	q := tx.db
	if tx.store.dialect == DialectPostgres {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	if err := notFound(q.First(&r, id).Error, "delivery", id); err != nil {
		return nil, err
	}
	return r.delivery(), nil
}

// UpdateDelivery saves a delivery as it is, state included, outside the
// lifecycle: for test fixtures and data repair only. Services move a
// delivery with MoveDelivery.
func (tx *Tx) UpdateDelivery(d *relais.Delivery) error {
	d.UpdatedAt = tx.Now()
	return tx.db.Model(&deliveryRow{}).Where("id = ?", d.ID).Updates(deliveryFields(d, d.State)).Error
}

// deliveryFields are the columns a save of d writes, with state.
func deliveryFields(d *relais.Delivery, state relais.DeliveryState) map[string]any {
	return map[string]any{
		"state": string(state), "remote_id": d.RemoteID, "url": d.URL, "error": d.Error,
		"attempts": d.Attempts, "first_attempt_at": d.FirstAttemptAt, "published_at": d.PublishedAt, "updated_at": d.UpdatedAt,
		"held_by": d.HeldBy, "held_since": d.HeldSince,
	}
}
