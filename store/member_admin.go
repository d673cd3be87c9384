package store

import (
	"github.com/relais/relais"
)

// activeMember returns a member who is not disabled; a disabled one is
// EUNAUTHORIZED (her credentials are void even if one was missed).
func (tx *Tx) activeMember(id int64) (*relais.Member, error) {
	m, err := tx.MemberByID(id)
	if err == nil && m.DisabledAt != nil {
		return nil, relais.Errorf(relais.EUNAUTHORIZED, "Account disabled.").With("error.member_disabled")
	}
	return m, err
}

// SetMemberRole changes a member's role.
func (tx *Tx) SetMemberRole(memberID int64, role relais.Role) error {
	res := tx.db.Model(&memberRow{}).Where("id = ?", memberID).Update("role", string(role))
	if res.Error == nil && res.RowsAffected == 0 {
		return relais.Errorf(relais.ENOTFOUND, "Member %d not found.", memberID)
	}
	return res.Error
}

// DisableMember marks a member disabled and ends every session and token
// she holds.
func (tx *Tx) DisableMember(memberID int64) error {
	res := tx.db.Model(&memberRow{}).Where("id = ?", memberID).Update("disabled_at", tx.Now())
	if res.Error != nil {
		return res.Error
	} else if res.RowsAffected == 0 {
		return relais.Errorf(relais.ENOTFOUND, "Member %d not found.", memberID)
	}
	if err := tx.DeleteMemberSessions(memberID); err != nil {
		return err
	}
	_, err := tx.RevokeTokens(memberID)
	return err
}

// DeleteMemberSessions ends every browser session of a member.
func (tx *Tx) DeleteMemberSessions(memberID int64) error {
	return tx.db.Where("member_id = ?", memberID).Delete(&sessionRow{}).Error
}

// CountActiveAdmins returns how many admins are not disabled.
func (tx *Tx) CountActiveAdmins() (int64, error) {
	var n int64
	err := tx.db.Model(&memberRow{}).Where("role = ? AND disabled_at IS NULL", string(relais.RoleAdmin)).Count(&n).Error
	return n, err
}
