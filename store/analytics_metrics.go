package store

import (
	"time"

	"gorm.io/gorm/clause"
)

// MetricsPoint is one collection of a delivery's counts. Nil counts are
// ones the platform did not give; Error says why a collection failed.
type MetricsPoint struct {
	DeliveryID int64     `json:"-"`
	StepHours  int       `json:"-"`
	At         time.Time `json:"at"`
	Likes      *int64    `json:"likes"`
	Reposts    *int64    `json:"reposts"`
	Replies    *int64    `json:"replies"`
	Quotes     *int64    `json:"quotes"`
	Views      *int64    `json:"views"`
	Error      string    `json:"error,omitempty"`
}

// TableName implements gorm's tabler.
func (MetricsPoint) TableName() string { return "delivery_metrics" }

// PublishedDelivery is a published delivery whose metrics may be due.
type PublishedDelivery struct {
	ID          int64
	PostID      int64
	AccountID   int64
	RemoteID    string
	PublishedAt time.Time
	Collected   map[int]bool `gorm:"-"` // steps already collected
}

// PublishedSince returns up to limit deliveries published after since,
// with a remote ID, and the steps already collected for each.
func (tx *Tx) PublishedSince(since time.Time, limit int) ([]*PublishedDelivery, error) {
	var ds []*PublishedDelivery
	err := tx.db.Table("deliveries").Select("id, post_id, account_id, remote_id, published_at").
		Where("state = ? AND remote_id <> '' AND published_at > ?", "published", since).
		Order("published_at").Limit(limit).Scan(&ds).Error
	if err != nil || len(ds) == 0 {
		return ds, err
	}
	byID := make(map[int64]*PublishedDelivery, len(ds))
	ids := make([]int64, len(ds))
	for i, d := range ds {
		d.Collected, byID[d.ID], ids[i] = map[int]bool{}, d, d.ID
	}
	for off := 0; off < len(ids); off += 500 {
		var rows []MetricsPoint
		if err := tx.db.Select("delivery_id, step_hours").Where("delivery_id IN ?", ids[off:min(off+500, len(ids))]).Find(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			byID[r.DeliveryID].Collected[r.StepHours] = true
		}
	}
	return ds, nil
}

// SaveMetrics records collections; a step already recorded is kept.
func (tx *Tx) SaveMetrics(ps []MetricsPoint) error {
	if len(ps) == 0 {
		return nil
	}
	return tx.db.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(&ps, 200).Error
}

// PostMetrics returns the collections of a post's deliveries, by delivery
// then time.
func (tx *Tx) PostMetrics(postID int64) ([]MetricsPoint, error) {
	var ps []MetricsPoint
	err := tx.db.Where("delivery_id IN (SELECT id FROM deliveries WHERE post_id = ?)", postID).
		Order("delivery_id, step_hours").Find(&ps).Error
	return ps, err
}

// TakeBudget adds n calls to a platform's count for day and reports
// whether the total stays within limit (nothing is added when it would
// not). It is one statement, so replicas sharing the database take from
// the same count: the insert, or the update of a row another transaction
// holds, checks the limit against the committed count.
func (tx *Tx) TakeBudget(platform, day string, n, limit int64) (bool, error) {
	res := tx.db.Exec(`INSERT INTO metrics_budget (platform, day, calls) SELECT ?, ?, CAST(? AS BIGINT) WHERE CAST(? AS BIGINT) <= CAST(? AS BIGINT)
ON CONFLICT (platform, day) DO UPDATE SET calls = metrics_budget.calls + excluded.calls
WHERE metrics_budget.calls + excluded.calls <= CAST(? AS BIGINT)`, platform, day, n, n, limit, limit)
	return res.RowsAffected == 1, res.Error
}
