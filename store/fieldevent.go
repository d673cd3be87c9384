package store

import (
	"time"

	"gorm.io/gorm/clause"

	"github.com/relais/relais"
)

type fieldEventRow struct {
	ID        int64 `gorm:"primaryKey"`
	Slug      string
	Title     string
	Kind      string
	StartsAt  time.Time
	EndsAt    time.Time
	Place     string
	District  string
	Public    bool
	CreatedBy int64
	CreatedAt time.Time
}

func (fieldEventRow) TableName() string { return "field_events" }

type fieldEventPostRow struct {
	EventID int64 `gorm:"primaryKey"`
	Role    string
	PostID  int64
}

func (fieldEventPostRow) TableName() string { return "field_event_posts" }

type rsvpRow struct {
	ID        int64 `gorm:"primaryKey"`
	EventID   int64
	Name      string
	Email     string
	District  string
	CreatedAt time.Time
}

func (rsvpRow) TableName() string { return "field_event_rsvps" }

func (r fieldEventRow) event() *relais.FieldEvent {
	return &relais.FieldEvent{ID: r.ID, Slug: r.Slug, Title: r.Title, Kind: relais.FieldEventKind(r.Kind),
		StartsAt: r.StartsAt.UTC(), EndsAt: r.EndsAt.UTC(), Place: r.Place, District: r.District,
		Public: r.Public, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt.UTC()}
}

// CreateFieldEvent inserts e and the links to its drafts, and sets e.ID
// and e.CreatedAt.
func (tx *Tx) CreateFieldEvent(e *relais.FieldEvent) error {
	e.CreatedAt = tx.Now()
	r := fieldEventRow{Slug: e.Slug, Title: e.Title, Kind: string(e.Kind), StartsAt: e.StartsAt.UTC(),
		EndsAt: e.EndsAt.UTC(), Place: e.Place, District: e.District, Public: e.Public,
		CreatedBy: e.CreatedBy, CreatedAt: e.CreatedAt}
	if err := tx.db.Create(&r).Error; err != nil {
		return err
	}
	e.ID = r.ID
	for _, d := range e.Drafts {
		if err := tx.db.Create(&fieldEventPostRow{EventID: e.ID, Role: d.Role, PostID: d.PostID}).Error; err != nil {
			return err
		}
	}
	return nil
}

// FieldEventSlugTaken reports whether slug is in use.
func (tx *Tx) FieldEventSlugTaken(slug string) (bool, error) {
	var n int64
	err := tx.db.Model(&fieldEventRow{}).Where("slug = ?", slug).Count(&n).Error
	return n > 0, err
}

// FieldEventByID returns an event with its drafts. ENOTFOUND if none.
func (tx *Tx) FieldEventByID(id int64) (*relais.FieldEvent, error) {
	var r fieldEventRow
	if err := notFound(tx.db.First(&r, id).Error, "event", id); err != nil {
		return nil, err
	}
	return tx.withDrafts(r.event())
}

// FieldEventBySlug returns an event with its drafts. ENOTFOUND if none.
func (tx *Tx) FieldEventBySlug(slug string) (*relais.FieldEvent, error) {
	var r fieldEventRow
	if err := notFound(tx.db.Where("slug = ?", slug).First(&r).Error, "event", slug); err != nil {
		return nil, err
	}
	return tx.withDrafts(r.event())
}

func (tx *Tx) withDrafts(e *relais.FieldEvent) (*relais.FieldEvent, error) {
	var rows []fieldEventPostRow
	if err := tx.db.Where("event_id = ?", e.ID).Order("post_id").Find(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		e.Drafts = append(e.Drafts, relais.FieldEventPost{PostID: r.PostID, Role: r.Role})
	}
	return e, nil
}

// FieldEventFilter selects events by start time.
type FieldEventFilter struct {
	From  *time.Time // starts_at >= From
	To    *time.Time // starts_at < To
	Limit int        // default 200
}

// FieldEvents returns the events matching f, soonest first, with drafts.
func (tx *Tx) FieldEvents(f FieldEventFilter) ([]*relais.FieldEvent, error) {
	q := tx.db.Model(&fieldEventRow{})
	if f.From != nil {
		q = q.Where("starts_at >= ?", f.From.UTC())
	}
	if f.To != nil {
		q = q.Where("starts_at < ?", f.To.UTC())
	}
	if f.Limit <= 0 {
		f.Limit = 200
	}
	var rows []fieldEventRow
	if err := q.Order("starts_at, id").Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]*relais.FieldEvent, 0, len(rows))
	for _, r := range rows {
		e, err := tx.withDrafts(r.event())
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// AddRSVP records r unless its e-mail already answered for this event.
// It reports whether a row was added, and sets r.ID then.
func (tx *Tx) AddRSVP(r *relais.RSVP) (bool, error) {
	r.CreatedAt = tx.Now()
	row := rsvpRow{EventID: r.EventID, Name: r.Name, Email: r.Email, District: r.District, CreatedAt: r.CreatedAt}
	res := tx.db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "event_id"}, {Name: "email"}}, DoNothing: true}).Create(&row)
	if res.Error != nil {
		return false, res.Error
	}
	r.ID = row.ID
	return res.RowsAffected > 0, nil
}

// RSVPCount returns how many people answered event id.
func (tx *Tx) RSVPCount(eventID int64) (int, error) {
	var n int64
	err := tx.db.Model(&rsvpRow{}).Where("event_id = ?", eventID).Count(&n).Error
	return int(n), err
}

// RSVPCountsByDistrict returns event id's RSVPs per district ("" for
// people who named none).
func (tx *Tx) RSVPCountsByDistrict(eventID int64) (map[string]int, error) {
	var rows []struct {
		District string
		N        int
	}
	err := tx.db.Model(&rsvpRow{}).Select("district, COUNT(*) AS n").Where("event_id = ?", eventID).
		Group("district").Scan(&rows).Error
	out := make(map[string]int, len(rows))
	for _, r := range rows {
		out[r.District] = r.N
	}
	return out, err
}

// RSVPs returns event id's RSVPs, oldest first (at most limit).
func (tx *Tx) RSVPs(eventID int64, limit int) ([]*relais.RSVP, error) {
	var rows []rsvpRow
	if err := tx.db.Where("event_id = ?", eventID).Order("id").Limit(limit).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]*relais.RSVP, len(rows))
	for i, r := range rows {
		out[i] = &relais.RSVP{ID: r.ID, EventID: r.EventID, Name: r.Name, Email: r.Email, District: r.District, CreatedAt: r.CreatedAt.UTC()}
	}
	return out, nil
}
