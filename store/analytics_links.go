package store

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
	"time"

	"gorm.io/gorm/clause"
)

// Link is a tracked short link: the destination a code redirects to, and
// where the code was handed out (post, variant, channel, district).
type Link struct {
	ID         int64  `gorm:"primaryKey"`
	Code       string `json:"code"`
	PostID     int64  `json:"post_id"`
	Variant    string `json:"variant"`
	Channel    string `json:"channel"`
	ChannelRef string `json:"channel_ref"`
	District   string `json:"district"`
	URL        string `gorm:"column:url" json:"url"`
	CreatedAt  time.Time
}

// TableName implements gorm's tabler.
func (Link) TableName() string { return "links" }

// LinkClicks is a link with its total click count.
type LinkClicks struct {
	Link
	Clicks int64 `json:"clicks"`
}

// SaveLinks inserts links whose code is new; existing codes are kept.
func (tx *Tx) SaveLinks(ls []Link) error {
	if len(ls) == 0 {
		return nil
	}
	for i := range ls {
		ls[i].ID, ls[i].CreatedAt = 0, tx.Now()
	}
	return tx.db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "code"}}, DoNothing: true}).
		CreateInBatches(&ls, 200).Error
}

// LinkByCode returns the link a code names. Returns ENOTFOUND if none.
func (s *Store) LinkByCode(code string) (*Link, error) {
	var l Link
	if err := notFound(s.db.Where("code = ?", code).Take(&l).Error, "link", code); err != nil {
		return nil, err
	}
	return &l, nil
}

// PostLinks returns a post's links with their clicks, by code.
func (tx *Tx) PostLinks(postID int64) ([]LinkClicks, error) {
	var out []LinkClicks
	err := tx.db.Table("links").Select("links.*, COALESCE(SUM(link_clicks.clicks), 0) AS clicks").
		Joins("LEFT JOIN link_clicks ON link_clicks.link_id = links.id").
		Where("links.post_id = ?", postID).Group("links.id").Order("links.channel, links.district, links.code").
		Scan(&out).Error
	return out, err
}

// ClickCount is clicks to add to one link on one day (YYYY-MM-DD).
type ClickCount struct {
	LinkID int64
	Day    string
	Clicks int64
}

// AddClicks adds counts to the daily totals, 300 rows per statement. A
// (link, day) must appear once in cs.
func (tx *Tx) AddClicks(cs []ClickCount) error {
	for off := 0; off < len(cs); off += 300 {
		batch := cs[off:min(off+300, len(cs))]
		args := make([]any, 0, 3*len(batch))
		values := strings.TrimSuffix(strings.Repeat("(?, ?, ?),", len(batch)), ",")
		for _, c := range batch {
			args = append(args, c.LinkID, c.Day, c.Clicks)
		}
		err := tx.db.Exec(`INSERT INTO link_clicks (link_id, day, clicks) VALUES `+values+`
ON CONFLICT (link_id, day) DO UPDATE SET clicks = link_clicks.clicks + excluded.clicks`, args...).Error
		if err != nil {
			return err
		}
	}
	return nil
}

// SetLinkOptOut records whether an account publishes naked links (true)
// or tracked ones (false, the default).
func (tx *Tx) SetLinkOptOut(accountID int64, optOut bool) error {
	if !optOut {
		return tx.db.Exec(`DELETE FROM link_optouts WHERE account_id = ?`, accountID).Error
	}
	return tx.db.Exec(`INSERT INTO link_optouts (account_id, created_at) VALUES (?, ?) ON CONFLICT (account_id) DO NOTHING`,
		accountID, tx.Now()).Error
}

// LinkOptOut reports whether an account publishes naked links.
func (tx *Tx) LinkOptOut(accountID int64) (bool, error) {
	var n int64
	err := tx.db.Raw(`SELECT COUNT(*) FROM link_optouts WHERE account_id = ?`, accountID).Scan(&n).Error
	return n > 0, err
}

// AnalyticsKey returns the named random key, creating it on first use
// (once, whichever replica asks first).
func (tx *Tx) AnalyticsKey(name string) (string, error) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	err := tx.db.Exec(`INSERT INTO analytics_keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`,
		name, hex.EncodeToString(b)).Error
	if err != nil {
		return "", err
	}
	var v string
	return v, tx.db.Raw(`SELECT value FROM analytics_keys WHERE name = ?`, name).Scan(&v).Error
}

// Districts returns each member's or supporter's district, by ID.
func (tx *Tx) Districts(table string, ids []int64) (map[int64]string, error) {
	if table != "members" && table != "supporters" {
		table = "members"
	}
	out := make(map[int64]string, len(ids))
	for off := 0; off < len(ids); off += 500 {
		var rows []struct {
			ID       int64
			District string
		}
		chunk := ids[off:min(off+500, len(ids))]
		if err := tx.db.Table(table).Select("id, district").Where("id IN ?", chunk).Scan(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			out[r.ID] = r.District
		}
	}
	return out, nil
}
