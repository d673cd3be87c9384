package store

import (
	"time"

	"github.com/relais/relais"
)

// Invitation is an admin's invitation of a future member, redeemable once
// through an e-mailed link until it expires. Only its token's hash is kept.
type Invitation struct {
	ID        int64
	TokenHash string
	Email     string
	Name      string
	Role      relais.Role
	District  string
	Lang      string // "fr" or "en": the e-mail's and the member's language
	InvitedBy int64
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

type invitationRow struct {
	ID        int64 `gorm:"primaryKey"`
	TokenHash string
	Email     string
	Name      string
	Role      string
	District  string
	Lang      string
	InvitedBy int64
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

func (invitationRow) TableName() string { return "invitations" }

// CreateInvitation inserts inv and sets its ID and creation time.
func (tx *Tx) CreateInvitation(inv *Invitation) error {
	inv.CreatedAt = tx.Now()
	r := invitationRow{TokenHash: inv.TokenHash, Email: inv.Email, Name: inv.Name, Role: string(inv.Role),
		District: inv.District, Lang: inv.Lang, InvitedBy: inv.InvitedBy, CreatedAt: inv.CreatedAt, ExpiresAt: inv.ExpiresAt.UTC()}
	if r.Lang == "" {
		r.Lang = "fr"
	}
	if err := tx.db.Create(&r).Error; err != nil {
		return err
	}
	inv.ID = r.ID
	return nil
}

// OpenInvitation returns the unused, unexpired invitation with this token
// hash. Returns ENOTFOUND otherwise, with one message for every case so
// that the answer tells an attacker nothing.
func (tx *Tx) OpenInvitation(tokenHash string) (*Invitation, error) {
	var r invitationRow
	err := tx.db.Where("token_hash = ? AND used_at IS NULL AND expires_at > ?", tokenHash, tx.Now()).First(&r).Error
	if isNotFound(err) {
		return nil, relais.Errorf(relais.ENOTFOUND, "Unknown, expired or already used invitation.").With("error.invitation_gone")
	} else if err != nil {
		return nil, err
	}
	return &Invitation{ID: r.ID, TokenHash: r.TokenHash, Email: r.Email, Name: r.Name, Role: relais.Role(r.Role),
		District: r.District, Lang: r.Lang, InvitedBy: r.InvitedBy, CreatedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt, UsedAt: r.UsedAt}, nil
}

// UseInvitation marks an open invitation used. Returns ENOTFOUND if it was
// used or expired meanwhile (a second redemption racing the first).
func (tx *Tx) UseInvitation(id int64) error {
	res := tx.db.Model(&invitationRow{}).Where("id = ? AND used_at IS NULL AND expires_at > ?", id, tx.Now()).
		Update("used_at", tx.Now())
	if res.Error != nil {
		return res.Error
	} else if res.RowsAffected != 1 {
		return relais.Errorf(relais.ENOTFOUND, "Unknown, expired or already used invitation.").With("error.invitation_gone")
	}
	return nil
}
