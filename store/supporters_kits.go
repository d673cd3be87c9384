package store

import (
	"fmt"
	"time"

	"github.com/relais/relais"
)

// Share kit mail states (suggestions.mail_state).
const (
	KitQueued  = ""        // to send
	KitClaimed = "claimed" // a sender holds it; its Message-ID is recorded; never handed over
	KitHanded  = "handed"  // recorded just before the final "." of DATA: counted as sent, never sent again
	KitSent    = "sent"    // the server accepted it
	KitFailed  = "failed"  // the server refused the message for good
	KitInvalid = "invalid" // the server refused the address for good
	KitSkipped = "skipped" // no longer reachable (unsubscribed, erased consent)
	KitDigest  = "digest"  // waits for the supporter's daily digest
)

// KitRow is a supporter's share kit with what sending it needs.
type KitRow struct {
	SuggestionID int64
	PostID       int64
	SupporterID  int64
	Email        string
	FirstName    string
	District     string // the supporter's, for the kit's tracked links
	Lang         string
	Token        *string
	KitMode      string
	Status       string
	Mobilised    bool
	ConsentAt    *time.Time
	Text         string
	MailState    string
	MessageID    string
}

// Reachable reports whether the kit's supporter may still be e-mailed.
func (k KitRow) Reachable() bool {
	return k.ConsentAt != nil && k.Mobilised && k.Status == relais.SupporterActive
}

// KitRows returns the supporters' share kits among the given suggestions,
// in ID order.
func (tx *Tx) KitRows(ids []int64) ([]KitRow, error) {
	var out []KitRow
	err := tx.db.Table("suggestions").Select(`suggestions.id AS suggestion_id, suggestions.post_id, suggestions.supporter_id,
		supporters.email, supporters.first_name, supporters.district, supporters.lang, supporters.token, supporters.kit_mode, supporters.status,
		supporters.mobilised, supporters.consent_at, suggestions.text, suggestions.mail_state, suggestions.message_id`).
		Joins("JOIN supporters ON supporters.id = suggestions.supporter_id").
		Where("suggestions.id IN ?", ids).Order("suggestions.id").Scan(&out).Error
	return out, err
}

// ClaimKits records claim and each kit's Message-ID on the kits still to
// send (queued, or claimed by a sender that died: a claimed kit was never
// handed over), and returns the IDs it claimed.
func (tx *Tx) ClaimKits(messageIDs map[int64]string, claim string) ([]int64, error) {
	var claimed []int64
	for id, mid := range messageIDs {
		r := tx.db.Exec(`UPDATE suggestions SET mail_state = ?, message_id = ?, claim = ?, claimed_at = ?
			WHERE id = ? AND mail_state IN (?, ?)`, KitClaimed, mid, claim, tx.Now(), id, KitQueued, KitClaimed)
		if r.Error != nil {
			return nil, r.Error
		}
		if r.RowsAffected == 1 {
			claimed = append(claimed, id)
		}
	}
	return claimed, nil
}

// HandKit moves a claimed kit to handed, if claim still holds it. On
// PostgreSQL the commit does not wait for the disk (synchronous_commit
// off): what matters is that it survives relais's own crash.
func (tx *Tx) HandKit(id int64, claim string) (bool, error) {
	if tx.store.dialect == DialectPostgres {
		if err := tx.db.Exec("SET LOCAL synchronous_commit = off").Error; err != nil {
			return false, err
		}
	}
	r := tx.db.Exec("UPDATE suggestions SET mail_state = ? WHERE id = ? AND mail_state = ? AND claim = ?", KitHanded, id, KitClaimed, claim)
	return r.RowsAffected == 1, r.Error
}

// SetKitsState moves kits from one state to another (sent after the
// server's answer, failed, invalid, back to queued).
func (tx *Tx) SetKitsState(ids []int64, from, to string) error {
	if len(ids) == 0 {
		return nil
	}
	upd := map[string]any{"mail_state": to}
	if to == KitSent {
		upd["sent_at"] = tx.Now()
		upd["notified_at"] = tx.Now()
	}
	return tx.db.Model(&suggestionRow{}).Where("id IN ? AND mail_state = ?", ids, from).Updates(upd).Error
}

// KitCounts returns how many of a post's supporter kits are in each state.
func (tx *Tx) KitCounts(postID int64) (map[string]int, error) {
	var rows []struct {
		MailState string
		N         int
	}
	err := tx.db.Model(&suggestionRow{}).Select("mail_state, COUNT(*) AS n").
		Where("post_id = ? AND supporter_id IS NOT NULL", postID).Group("mail_state").Scan(&rows).Error
	out := map[string]int{}
	for _, r := range rows {
		out[r.MailState] = r.N
	}
	return out, err
}

// DropQueuedKits skips a supporter's kits not yet handed over (after an
// unsubscribe): a sender holding one loses its claim.
func (tx *Tx) DropQueuedKits(supporterID int64) error {
	return tx.db.Model(&suggestionRow{}).Where("supporter_id = ? AND mail_state IN ?", supporterID,
		[]string{KitQueued, KitClaimed, KitDigest}).Update("mail_state", KitSkipped).Error
}

// digestPending selects a supporter's kits waiting for the digest, or
// claimed by a digest sender that died (never handed over).
const digestPending = "(mail_state = 'digest' OR (mail_state = 'claimed' AND message_id LIKE 'digest-%'))"

// DigestSupporters returns the supporters with kits waiting for their
// daily digest.
func (tx *Tx) DigestSupporters() ([]int64, error) {
	var ids []int64
	err := tx.db.Model(&suggestionRow{}).Distinct("supporter_id").Where("supporter_id IS NOT NULL AND "+digestPending).
		Order("supporter_id").Pluck("supporter_id", &ids).Error
	return ids, err
}

// DigestKits returns a supporter's kits waiting for the digest.
func (tx *Tx) DigestKits(supporterID int64) ([]KitRow, error) {
	var ids []int64
	err := tx.db.Model(&suggestionRow{}).Where("supporter_id = ? AND "+digestPending, supporterID).Order("id").Pluck("id", &ids).Error
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	return tx.KitRows(ids)
}

// ClaimDigest records one digest's Message-ID and claim on its kits; it
// reports whether it holds them all.
func (tx *Tx) ClaimDigest(ids []int64, messageID, claim string) (bool, error) {
	r := tx.db.Exec("UPDATE suggestions SET mail_state = ?, message_id = ?, claim = ?, claimed_at = ? WHERE id IN ? AND "+digestPending,
		KitClaimed, messageID, claim, tx.Now(), ids)
	return r.RowsAffected == int64(len(ids)), r.Error
}

// HandKits moves several claimed kits (one digest) to handed, if claim
// still holds them all.
func (tx *Tx) HandKits(ids []int64, claim string) (bool, error) {
	if tx.store.dialect == DialectPostgres {
		if err := tx.db.Exec("SET LOCAL synchronous_commit = off").Error; err != nil {
			return false, err
		}
	}
	r := tx.db.Exec("UPDATE suggestions SET mail_state = ? WHERE id IN ? AND mail_state = ? AND claim = ?", KitHanded, ids, KitClaimed, claim)
	if r.Error == nil && r.RowsAffected != int64(len(ids)) {
		return false, fmt.Errorf("digest claim lost on %d of %d kits", int64(len(ids))-r.RowsAffected, len(ids))
	}
	return r.Error == nil, r.Error
}
