package store

import (
	"time"

	"github.com/relais/relais"
)

type sessionRow struct {
	TokenHash string `gorm:"primaryKey"`
	MemberID  int64
	CSRF      string `gorm:"column:csrf"`
	CreatedAt time.Time
	ExpiresAt time.Time
}

func (sessionRow) TableName() string { return "sessions" }

type tokenRow struct {
	ID        int64 `gorm:"primaryKey"`
	MemberID  int64
	TokenHash string
	CreatedAt time.Time
	RevokedAt *time.Time
}

func (tokenRow) TableName() string { return "api_tokens" }

// CreateSession stores a session by the hash of its token.
func (tx *Tx) CreateSession(tokenHash string, memberID int64, csrf string, expires time.Time) error {
	return tx.db.Create(&sessionRow{TokenHash: tokenHash, MemberID: memberID, CSRF: csrf,
		CreatedAt: tx.Now(), ExpiresAt: expires.UTC()}).Error
}

// SessionMember returns the member of an unexpired session and its CSRF
// token. Returns EUNAUTHORIZED if the session is unknown or expired.
func (tx *Tx) SessionMember(tokenHash string) (*relais.Member, string, error) {
	var s sessionRow
	err := tx.db.Where("token_hash = ? AND expires_at > ?", tokenHash, tx.Now()).First(&s).Error
	if isNotFound(err) {
		return nil, "", relais.Errorf(relais.EUNAUTHORIZED, "Session expired or unknown: please sign in.")
	} else if err != nil {
		return nil, "", err
	}
	m, err := tx.activeMember(s.MemberID)
	return m, s.CSRF, err
}

// DeleteSession removes a session (logout).
func (tx *Tx) DeleteSession(tokenHash string) error {
	return tx.db.Where("token_hash = ?", tokenHash).Delete(&sessionRow{}).Error
}

// DeleteExpiredSessions removes sessions past their expiry.
func (tx *Tx) DeleteExpiredSessions() error {
	return tx.db.Where("expires_at <= ?", tx.Now()).Delete(&sessionRow{}).Error
}

// CreateToken stores an API token by its hash.
func (tx *Tx) CreateToken(memberID int64, tokenHash string) error {
	return tx.db.Create(&tokenRow{MemberID: memberID, TokenHash: tokenHash, CreatedAt: tx.Now()}).Error
}

// TokenMember returns the member owning an unrevoked token. Returns
// EUNAUTHORIZED otherwise.
func (tx *Tx) TokenMember(tokenHash string) (*relais.Member, error) {
	var t tokenRow
	err := tx.db.Where("token_hash = ? AND revoked_at IS NULL", tokenHash).First(&t).Error
	if isNotFound(err) {
		return nil, relais.Errorf(relais.EUNAUTHORIZED, "Invalid or revoked token.")
	} else if err != nil {
		return nil, err
	}
	return tx.activeMember(t.MemberID)
}

// RevokeTokens revokes every token of a member and returns how many.
func (tx *Tx) RevokeTokens(memberID int64) (int64, error) {
	res := tx.db.Model(&tokenRow{}).Where("member_id = ? AND revoked_at IS NULL", memberID).Update("revoked_at", tx.Now())
	return res.RowsAffected, res.Error
}
