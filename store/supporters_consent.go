package store

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/relais/relais"
)

// Consent actions.
const (
	ConsentGiven     = "given"
	ConsentWithdrawn = "withdrawn"
)

// Consent is one entry of a supporter's consent history.
type Consent struct {
	SupporterID int64     `json:"-"`
	Action      string    `json:"action"` // given, withdrawn
	At          time.Time `json:"at"`
	Source      string    `json:"source"`
	Version     string    `json:"version,omitempty"` // the consent text shown
	RecordedAt  time.Time `json:"recorded_at"`
}

// AddConsents records consent history entries; an entry already recorded
// (same supporter, action, time and source) is left alone, so that
// re-running an import adds nothing.
func (tx *Tx) AddConsents(cs []Consent) error {
	now := tx.Now()
	err := bulkInsert(tx, "INSERT INTO supporter_consents (supporter_id, action, at, source, version, recorded_at) VALUES ",
		" ON CONFLICT (supporter_id, action, at, source) DO NOTHING", 6, cs,
		func(c Consent) []any { return []any{c.SupporterID, c.Action, c.At.UTC(), c.Source, c.Version, now} })
	if err != nil {
		return fmt.Errorf("cannot record consents: %w", err)
	}
	return nil
}

// Consents returns a supporter's consent history, oldest first.
func (tx *Tx) Consents(supporterID int64) ([]Consent, error) {
	var out []Consent
	err := tx.db.Table("supporter_consents").Select("supporter_id, action, at, source, version, recorded_at").
		Where("supporter_id = ?", supporterID).Order("id").Scan(&out).Error
	for i := range out {
		out[i].At, out[i].RecordedAt = out[i].At.UTC(), out[i].RecordedAt.UTC()
	}
	return out, err
}

// ConsentText is a versioned consent wording.
type ConsentText struct {
	Version string `json:"version"`
	Text    string `json:"text"`
}

// CurrentConsentText returns the newest consent text.
func (tx *Tx) CurrentConsentText() (ConsentText, error) {
	var c ConsentText
	err := tx.db.Table("consent_texts").Select("version, text").Order("created_at DESC, version DESC").Limit(1).Scan(&c).Error
	if err == nil && c.Version == "" {
		err = errors.New("no consent text: migration 0012 not applied")
	}
	return c, err
}

// SupporterSalt returns the installation's salt for suppression hashes,
// creating it on first use.
func (tx *Tx) SupporterSalt() (string, error) {
	err := tx.db.Exec("INSERT INTO supporter_salt (id, salt) VALUES (1, ?) ON CONFLICT (id) DO NOTHING", newToken()+newToken()).Error
	if err != nil {
		return "", fmt.Errorf("cannot create the suppression salt: %w", err)
	}
	var salt string
	return salt, tx.db.Raw("SELECT salt FROM supporter_salt WHERE id = 1").Scan(&salt).Error
}

// Suppressed returns which of the given hashes are on the suppression list.
func (tx *Tx) Suppressed(hashes []string) (map[string]bool, error) {
	var found []string
	if len(hashes) == 0 {
		return map[string]bool{}, nil
	}
	if err := tx.db.Table("supporter_suppressions").Where("hash IN ?", hashes).Pluck("hash", &found).Error; err != nil {
		return nil, fmt.Errorf("cannot read the suppression list: %w", err)
	}
	out := make(map[string]bool, len(found))
	for _, h := range found {
		out[h] = true
	}
	return out, nil
}

// Suppress adds a hash to the suppression list (once).
func (tx *Tx) Suppress(hash, reason string) error {
	return tx.db.Exec("INSERT INTO supporter_suppressions (hash, reason, created_at) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING",
		hash, reason, tx.Now()).Error
}

// SupporterKit is a share kit sent (or being sent) to a supporter.
type SupporterKit struct {
	PostID    int64      `json:"post_id"`
	Text      string     `json:"text"`
	State     string     `json:"state"`
	MessageID string     `json:"message_id,omitempty"`
	SentAt    *time.Time `json:"sent_at,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
}

// SupporterKits returns every share kit of a supporter, oldest first.
func (tx *Tx) SupporterKits(supporterID int64) ([]SupporterKit, error) {
	var out []SupporterKit
	err := tx.db.Table("suggestions").Select("post_id, text, mail_state AS state, message_id, sent_at, created_at").
		Where("supporter_id = ?", supporterID).Order("id").Scan(&out).Error
	return out, err
}

// KitLink is a tracked link handed out in a supporter's share kits. Its
// code is the same for every supporter of the district: clicks are counted
// per code and day, never per person.
type KitLink struct {
	PostID   int64  `json:"post_id"`
	Variant  string `json:"variant,omitempty"`
	District string `json:"district"`
	Code     string `json:"code"`
	URL      string `json:"url" gorm:"column:url"`
}

// SupporterKitLinks returns the tracked links of the kits handed over to
// a supporter (channel "supporter", the supporter's district).
func (tx *Tx) SupporterKitLinks(supporterID int64, district string) ([]KitLink, error) {
	var out []KitLink
	sent := tx.db.Table("suggestions").Select("post_id").
		Where("supporter_id = ? AND mail_state IN ?", supporterID, []string{KitHanded, KitSent})
	err := tx.db.Table("links").Select("post_id, variant, district, code, url").
		Where("channel = ? AND district = ? AND post_id IN (?)", "supporter", district, sent).
		Order("post_id, variant, code").Scan(&out).Error
	return out, err
}

// SupporterFilter selects supporters for the list.
type SupporterFilter struct {
	Districts []string // nil: every district
	Search    string   // in e-mail, first or last name
	Mobilised *bool
	Consent   *bool
	Status    string
	Limit     int
	Offset    int
}

func (tx *Tx) supporterQuery(f SupporterFilter) *gorm.DB {
	q := tx.db.Model(&supporterRow{})
	if f.Districts != nil {
		q = q.Where("district IN ?", f.Districts)
	}
	if s := strings.ToLower(strings.TrimSpace(f.Search)); s != "" {
		like := "%" + strings.NewReplacer("%", "", "_", "").Replace(s) + "%"
		q = q.Where("(email LIKE ? OR LOWER(first_name) LIKE ? OR LOWER(last_name) LIKE ?)", like, like, like)
	}
	if f.Mobilised != nil {
		q = q.Where("mobilised = ?", *f.Mobilised)
	}
	if f.Consent != nil && *f.Consent {
		q = q.Where("consent_at IS NOT NULL")
	} else if f.Consent != nil {
		q = q.Where("consent_at IS NULL")
	}
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	return q
}

// Supporters returns a page of supporters matching f and how many match.
func (tx *Tx) Supporters(f SupporterFilter) ([]*relais.Supporter, int64, error) {
	var n int64
	if err := tx.supporterQuery(f).Count(&n).Error; err != nil {
		return nil, 0, err
	}
	var rows []supporterRow
	if err := tx.supporterQuery(f).Order("id").Limit(max(f.Limit, 1)).Offset(f.Offset).Find(&rows).Error; err != nil {
		return nil, 0, err
	}
	out := make([]*relais.Supporter, len(rows))
	for i, r := range rows {
		out[i] = r.supporter()
	}
	return out, n, nil
}

// SupporterDistrictCount is the supporters of one district.
type SupporterDistrictCount struct {
	District  string `json:"district"`
	Contacts  int    `json:"contacts"`
	Consented int    `json:"consented"`
	Mobilised int    `json:"mobilised"`
}

// SupporterCounts returns the counts per district (only the given
// districts when not nil), by district name.
func (tx *Tx) SupporterCounts(districts []string) ([]SupporterDistrictCount, error) {
	var out []SupporterDistrictCount
	q := tx.db.Model(&supporterRow{}).Select(`district, COUNT(*) AS contacts,
		SUM(CASE WHEN consent_at IS NOT NULL THEN 1 ELSE 0 END) AS consented,
		SUM(CASE WHEN mobilised AND consent_at IS NOT NULL AND status = 'active' THEN 1 ELSE 0 END) AS mobilised`)
	if districts != nil {
		q = q.Where("district IN ?", districts)
	}
	return out, q.Group("district").Order("district").Scan(&out).Error
}

// InactiveSupporters returns the IDs of supporters last active before t.
func (tx *Tx) InactiveSupporters(before time.Time, limit int) ([]int64, error) {
	var ids []int64
	err := tx.db.Model(&supporterRow{}).Where("COALESCE(active_at, created_at) < ? OR (active_at IS NULL AND created_at IS NULL)", before.UTC()).
		Order("id").Limit(limit).Pluck("id", &ids).Error
	return ids, err
}

// TouchSupporters records activity (a kit sent, a click) now.
func (tx *Tx) TouchSupporters(ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return tx.db.Model(&supporterRow{}).Where("id IN ?", ids).Update("active_at", tx.Now()).Error
}

// ConsentsFor returns the consent histories of several supporters.
func (tx *Tx) ConsentsFor(ids []int64) (map[int64][]Consent, error) {
	var rows []Consent
	err := tx.db.Table("supporter_consents").Select("supporter_id, action, at, source, version, recorded_at").
		Where("supporter_id IN ?", ids).Order("id").Scan(&rows).Error
	out := map[int64][]Consent{}
	for _, c := range rows {
		c.At, c.RecordedAt = c.At.UTC(), c.RecordedAt.UTC()
		out[c.SupporterID] = append(out[c.SupporterID], c)
	}
	return out, err
}
