package store

import (
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/relais/relais"
)

// supporterRow is a row of supporters.
type supporterRow struct {
	ID             int64 `gorm:"primaryKey"`
	Email          string
	Name           string
	FirstName      string
	LastName       string
	Postcode       string
	Phone          string
	Interests      string
	District       string
	Source         string
	ConsentAt      *time.Time
	ConsentSource  string
	ConsentVersion string
	Mobilised      bool
	KitMode        string
	Lang           string
	Status         string
	Token          *string
	CreatedAt      *time.Time
	UpdatedAt      *time.Time
	ActiveAt       *time.Time
}

func (supporterRow) TableName() string { return "supporters" }

func (r supporterRow) supporter() *relais.Supporter {
	s := &relais.Supporter{ID: r.ID, Email: r.Email, Name: r.Name, FirstName: r.FirstName, LastName: r.LastName,
		Postcode: r.Postcode, Phone: r.Phone, District: r.District, Source: r.Source, ConsentAt: utc(r.ConsentAt),
		ConsentSource: r.ConsentSource, ConsentVersion: r.ConsentVersion, Mobilised: r.Mobilised, KitMode: r.KitMode,
		Lang: r.Lang, Status: r.Status, CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt), ActiveAt: utc(r.ActiveAt)}
	if r.Interests != "" {
		s.Interests = strings.Split(r.Interests, ";")
	}
	return s
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// supporterCols are the columns an upsert writes, in order.
var supporterCols = []string{"email", "name", "first_name", "last_name", "postcode", "phone", "interests", "district",
	"source", "consent_at", "consent_source", "consent_version", "mobilised", "kit_mode", "lang", "status",
	"token", "created_at", "updated_at", "active_at"}

func supporterArgs(s *relais.Supporter, now time.Time) []any {
	var consent any
	if s.ConsentAt != nil {
		consent = s.ConsentAt.UTC()
	}
	return []any{s.Email, s.Name, s.FirstName, s.LastName, s.Postcode, s.Phone, strings.Join(s.Interests, ";"), s.District,
		s.Source, consent, s.ConsentSource, s.ConsentVersion, s.Mobilised, orStr(s.KitMode, relais.KitEach),
		orStr(s.Lang, "fr"), orStr(s.Status, relais.SupporterActive), newToken(), now, now, now}
}

func orStr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// newToken returns a fresh unsubscribe token (128 random bits).
func newToken() string {
	b := make([]byte, 16)
	_, _ = crand.Read(b)
	return hex.EncodeToString(b)
}

// UpsertSupporters writes supporters keyed by e-mail with one multi-row
// INSERT ... ON CONFLICT per bulk of rows: a new address is inserted, a
// known one has every column overwritten except its token and creation
// time (callers merge first). It returns the IDs by e-mail.
func (tx *Tx) UpsertSupporters(ss []*relais.Supporter) (map[string]int64, error) {
	ids := make(map[string]int64, len(ss))
	per := 30000 / len(supporterCols) / 2 // rows per statement: under SQLite's 32,766 parameters
	for start := 0; start < len(ss); start += per {
		if err := tx.upsertSupporters(ss[start:min(start+per, len(ss))], ids); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

func (tx *Tx) upsertSupporters(batch []*relais.Supporter, ids map[string]int64) error {
	var b strings.Builder
	b.WriteString("INSERT INTO supporters (" + strings.Join(supporterCols, ", ") + ") VALUES ")
	args := make([]any, 0, len(batch)*len(supporterCols))
	now := tx.Now()
	for i, s := range batch {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(tx.placeholders(len(args), len(supporterCols)))
		args = append(args, supporterArgs(s, now)...)
	}
	b.WriteString(" ON CONFLICT (email) DO UPDATE SET ")
	for i, c := range supporterCols[1:] {
		if c == "token" || c == "created_at" {
			continue
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c + " = excluded." + c)
	}
	b.WriteString(" RETURNING id, email")
	rows, err := tx.SQL().QueryContext(tx.ctx, b.String(), args...)
	if err != nil {
		return fmt.Errorf("cannot upsert supporters: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var email string
		if err := rows.Scan(&id, &email); err != nil {
			return err
		}
		ids[email] = id
	}
	return rows.Err()
}

// CreateSupporters inserts supporters (the demo's, tests').
func (tx *Tx) CreateSupporters(ss []relais.Supporter) error {
	ptrs := make([]*relais.Supporter, len(ss))
	for i := range ss {
		ptrs[i] = &ss[i]
	}
	_, err := tx.UpsertSupporters(ptrs)
	return err
}

// SupportersByEmails returns the known supporters among emails, by e-mail.
func (tx *Tx) SupportersByEmails(emails []string) (map[string]*relais.Supporter, error) {
	var rows []supporterRow
	if err := tx.db.Where("email IN ?", emails).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("cannot read supporters: %w", err)
	}
	out := make(map[string]*relais.Supporter, len(rows))
	for _, r := range rows {
		out[r.Email] = r.supporter()
	}
	return out, nil
}

// SupporterByEmail returns a supporter, or ENOTFOUND.
func (tx *Tx) SupporterByEmail(email string) (*relais.Supporter, error) {
	var r supporterRow
	if err := notFound(tx.db.Where("email = ?", email).First(&r).Error, "supporter", "with this address"); err != nil {
		return nil, err
	}
	return r.supporter(), nil
}

// SupporterByToken returns the supporter an unsubscribe token belongs to,
// or ENOTFOUND.
func (tx *Tx) SupporterByToken(token string) (*relais.Supporter, error) {
	var r supporterRow
	if token == "" {
		return nil, relais.Errorf(relais.ENOTFOUND, "Unknown link.")
	}
	if err := notFound(tx.db.Where("token = ?", token).First(&r).Error, "link", "given"); err != nil {
		return nil, err
	}
	return r.supporter(), nil
}

// SupporterToken returns a supporter's unsubscribe token, creating it for
// rows written before tokens existed.
func (tx *Tx) SupporterToken(id int64) (string, error) {
	var r supporterRow
	if err := notFound(tx.db.First(&r, id).Error, "supporter", id); err != nil {
		return "", err
	}
	if r.Token != nil && *r.Token != "" {
		return *r.Token, nil
	}
	tok := newToken()
	return tok, tx.db.Model(&supporterRow{}).Where("id = ?", id).Update("token", tok).Error
}

// SetSupporterStatus records an unsubscribe or a refused address: the
// supporter is no longer mobilised.
func (tx *Tx) SetSupporterStatus(id int64, status string) error {
	return tx.db.Model(&supporterRow{}).Where("id = ?", id).
		Updates(map[string]any{"status": status, "mobilised": false, "updated_at": tx.Now()}).Error
}

// SetSupporterKitMode records a supporter's choice: a kit per post or a
// daily digest.
func (tx *Tx) SetSupporterKitMode(id int64, mode string) error {
	return tx.db.Model(&supporterRow{}).Where("id = ?", id).Updates(map[string]any{"kit_mode": mode, "updated_at": tx.Now()}).Error
}

// SupporterIDs returns the IDs of the supporters who receive share kits in
// the given districts (all districts when empty): consent recorded,
// mobilised, and neither unsubscribed nor refused by the mail server.
func (tx *Tx) SupporterIDs(districts []string) ([]int64, error) {
	var ids []int64
	q := tx.db.Model(&supporterRow{}).Where("mobilised = ? AND status = ? AND consent_at IS NOT NULL", true, relais.SupporterActive)
	if len(districts) > 0 {
		q = q.Where("district IN ?", districts)
	}
	return ids, q.Order("id").Pluck("id", &ids).Error
}

// DeleteSupporter erases a supporter; consents and share kits go with it
// (ON DELETE CASCADE). It returns how many rows of each kind went.
func (tx *Tx) DeleteSupporter(id int64) (consents, kits int64, err error) {
	r := tx.db.Exec("DELETE FROM supporter_consents WHERE supporter_id = ?", id)
	if r.Error != nil {
		return 0, 0, r.Error
	}
	consents = r.RowsAffected
	r = tx.db.Exec("DELETE FROM suggestions WHERE supporter_id = ?", id)
	if r.Error != nil {
		return 0, 0, r.Error
	}
	kits = r.RowsAffected
	return consents, kits, tx.db.Exec("DELETE FROM supporters WHERE id = ?", id).Error
}
