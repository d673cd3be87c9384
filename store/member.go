package store

import (
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/relais/relais"
)

type memberRow struct {
	ID           int64 `gorm:"primaryKey"`
	Email        string
	Name         string
	Role         string
	District     string
	Lang         string
	PasswordHash string
	CreatedAt    time.Time
	DisabledAt   *time.Time
}

func (memberRow) TableName() string { return "members" }

func (r memberRow) member() *relais.Member {
	return &relais.Member{ID: r.ID, Email: r.Email, Name: r.Name, Role: relais.Role(r.Role),
		District: r.District, Lang: r.Lang, CreatedAt: r.CreatedAt, DisabledAt: r.DisabledAt}
}

// CreateMember inserts m with the given password hash (may be empty) and
// sets m.ID. Returns ECONFLICT if the e-mail is taken.
func (tx *Tx) CreateMember(m *relais.Member, passwordHash string) error {
	m.Email = strings.ToLower(strings.TrimSpace(m.Email))
	if m.Lang == "" {
		m.Lang = "fr"
	}
	var n int64
	if err := tx.db.Model(&memberRow{}).Where("email = ?", m.Email).Count(&n).Error; err != nil {
		return err
	} else if n > 0 {
		return &relais.Error{Code: relais.ECONFLICT, Field: "email", Message: "A member with this e-mail already exists."}
	}
	r := memberRow{Email: m.Email, Name: m.Name, Role: string(m.Role), District: m.District,
		Lang: m.Lang, PasswordHash: passwordHash, CreatedAt: tx.Now()}
	if err := tx.db.Create(&r).Error; err != nil {
		return err
	}
	m.ID, m.CreatedAt = r.ID, r.CreatedAt
	return nil
}

// MemberByID returns a member. Returns ENOTFOUND if there is none.
func (tx *Tx) MemberByID(id int64) (*relais.Member, error) {
	var r memberRow
	if err := notFound(tx.db.First(&r, id).Error, "member", id); err != nil {
		return nil, err
	}
	return r.member(), nil
}

// MemberByEmail returns a member and its password hash. Returns ENOTFOUND if
// there is none.
func (tx *Tx) MemberByEmail(email string) (*relais.Member, string, error) {
	var r memberRow
	email = strings.ToLower(strings.TrimSpace(email))
	if err := notFound(tx.db.Where("email = ?", email).First(&r).Error, "member", email); err != nil {
		return nil, "", err
	}
	return r.member(), r.PasswordHash, nil
}

// Members returns every member, by name.
func (tx *Tx) Members() ([]*relais.Member, error) {
	var rows []memberRow
	if err := tx.db.Order("name, id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]*relais.Member, len(rows))
	for i, r := range rows {
		out[i] = r.member()
	}
	return out, nil
}

// MembersByRole returns the members having role, by id.
func (tx *Tx) MembersByRole(role relais.Role) ([]*relais.Member, error) {
	var rows []memberRow
	if err := tx.db.Where("role = ?", string(role)).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]*relais.Member, len(rows))
	for i, r := range rows {
		out[i] = r.member()
	}
	return out, nil
}

// SetPassword replaces a member's password hash.
func (tx *Tx) SetPassword(memberID int64, hash string) error {
	res := tx.db.Model(&memberRow{}).Where("id = ?", memberID).Update("password_hash", hash)
	if res.Error == nil && res.RowsAffected == 0 {
		return relais.Errorf(relais.ENOTFOUND, "Member %d not found.", memberID)
	}
	return res.Error
}

// CountMembers returns how many members exist.
func (tx *Tx) CountMembers() (int64, error) {
	var n int64
	err := tx.db.Model(&memberRow{}).Count(&n).Error
	return n, err
}

func isNotFound(err error) bool { return errors.Is(err, gorm.ErrRecordNotFound) }
