package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/relais/relais"
)

type accountRow struct {
	ID            int64 `gorm:"primaryKey"`
	Platform      string
	Handle        string
	OwnerKind     string
	OwnerMemberID *int64
	District      string
	BaseURL       string `gorm:"column:base_url"`
	ToneProfile   string
	Status        string
	Credentials   []byte
	CreatedAt     time.Time
}

func (accountRow) TableName() string { return "accounts" }

func (r accountRow) account() *relais.Account {
	a := &relais.Account{ID: r.ID, Platform: relais.Platform(r.Platform), Handle: r.Handle,
		OwnerKind: relais.OwnerKind(r.OwnerKind), District: r.District, BaseURL: r.BaseURL,
		ToneProfile: r.ToneProfile, Status: r.Status, CreatedAt: r.CreatedAt}
	if r.OwnerMemberID != nil {
		a.OwnerMemberID = *r.OwnerMemberID
	}
	return a
}

// CreateAccount inserts a, sealing creds with the store's box, and sets
// a.ID. Returns ECONFLICT if the platform already has this handle.
func (tx *Tx) CreateAccount(a *relais.Account, creds map[string]string) error {
	a.Handle = relais.NormalizeHandle(a.Handle)
	if a.ToneProfile == "" {
		a.ToneProfile = relais.DefaultToneProfile(a.OwnerKind)
	}
	if a.Status == "" {
		a.Status = relais.AccountActive
	}
	var n int64
	if err := tx.db.Model(&accountRow{}).Where("platform = ? AND handle = ?", string(a.Platform), a.Handle).Count(&n).Error; err != nil {
		return err
	} else if n > 0 {
		return &relais.Error{Code: relais.ECONFLICT, Field: "handle", Message: fmt.Sprintf("Account %s on %s already exists.", a.Handle, a.Platform)}
	}
	r := accountRow{Platform: string(a.Platform), Handle: a.Handle, OwnerKind: string(a.OwnerKind),
		District: a.District, BaseURL: a.BaseURL, ToneProfile: a.ToneProfile, Status: a.Status,
		CreatedAt: tx.Now()}
	if a.OwnerMemberID != 0 {
		r.OwnerMemberID = &a.OwnerMemberID
	}
	if err := tx.db.Create(&r).Error; err != nil {
		return err
	}
	a.ID, a.CreatedAt = r.ID, r.CreatedAt
	return tx.saveCredentials(a.ID, creds)
}

// credentialsAAD binds sealed credentials to their account row.
func credentialsAAD(id int64) []byte { return []byte(fmt.Sprintf("relais-account-credentials:%d", id)) }

// saveCredentials seals creds for account id and stores them.
func (tx *Tx) saveCredentials(id int64, creds map[string]string) error {
	sealed, err := tx.store.seal(creds, id)
	if err != nil || sealed == nil {
		return err
	}
	return tx.db.Model(&accountRow{}).Where("id = ?", id).Update("credentials", sealed).Error
}

func (s *Store) seal(creds map[string]string, id int64) ([]byte, error) {
	if len(creds) == 0 {
		return nil, nil
	}
	b, err := json.Marshal(creds)
	if err != nil {
		return nil, err
	}
	return s.box.Seal(b, credentialsAAD(id)), nil
}

// AccountByID returns an account without credentials. Returns ENOTFOUND if
// there is none.
func (tx *Tx) AccountByID(id int64) (*relais.Account, error) {
	var r accountRow
	if err := notFound(tx.db.First(&r, id).Error, "account", id); err != nil {
		return nil, err
	}
	return r.account(), nil
}

// AccountWithCredentials returns an account with its credentials decrypted.
func (tx *Tx) AccountWithCredentials(id int64) (*relais.Account, error) {
	var r accountRow
	if err := notFound(tx.db.First(&r, id).Error, "account", id); err != nil {
		return nil, err
	}
	a := r.account()
	if len(r.Credentials) > 0 {
		pt, err := tx.store.box.Open(r.Credentials, credentialsAAD(id))
		if err != nil {
			return nil, fmt.Errorf("account %d credentials: %w", id, err)
		}
		if err := json.Unmarshal(pt, &a.Credentials); err != nil {
			return nil, fmt.Errorf("account %d credentials: %w", id, err)
		}
	}
	return a, nil
}

// AccountByHandle finds an account by handle ("@x" or "platform:handle").
// Returns ENOTFOUND if none matches and EINVALID if several do.
func (tx *Tx) AccountByHandle(handle string) (*relais.Account, error) {
	q := tx.db.Model(&accountRow{})
	if pl, h, ok := strings.Cut(handle, ":"); ok && relais.Platform(pl).Valid() {
		q = q.Where("platform = ? AND handle = ?", pl, relais.NormalizeHandle(h))
	} else {
		q = q.Where("handle = ?", relais.NormalizeHandle(handle))
	}
	var rows []accountRow
	if err := q.Limit(2).Find(&rows).Error; err != nil {
		return nil, err
	} else if len(rows) == 0 {
		return nil, relais.Errorf(relais.ENOTFOUND, "Account %q not found.", handle)
	} else if len(rows) > 1 {
		return nil, relais.FieldErrorf("targets", "Handle %q is ambiguous: prefix it with the platform, e.g. x:%s.", handle, relais.NormalizeHandle(handle))
	}
	return rows[0].account(), nil
}

// Accounts returns every account, grouped by owner kind then handle.
func (tx *Tx) Accounts() ([]*relais.Account, error) {
	var rows []accountRow
	if err := tx.db.Order("owner_kind, district, handle, id").Find(&rows).Error; err != nil {
		return nil, err
	}
	sort.SliceStable(rows, func(i, j int) bool { // sectors in natural order: Paris Centre, 5e … 20e
		if rows[i].OwnerKind != rows[j].OwnerKind {
			return rows[i].OwnerKind < rows[j].OwnerKind
		}
		return relais.DistrictLess(rows[i].District, rows[j].District)
	})
	out := make([]*relais.Account, len(rows))
	for i, r := range rows {
		out[i] = r.account()
	}
	return out, nil
}

// SetAccountStatus sets an account's status (active, needs_reconnect).
func (tx *Tx) SetAccountStatus(id int64, status string) error {
	return tx.db.Model(&accountRow{}).Where("id = ?", id).Update("status", status).Error
}

// RotateCredentials re-seals every account's credentials with the current
// key and returns how many were rewritten.
func (tx *Tx) RotateCredentials() (int, error) {
	var rows []accountRow
	if err := tx.db.Where("credentials IS NOT NULL").Find(&rows).Error; err != nil {
		return 0, err
	}
	n := 0
	for _, r := range rows {
		if len(r.Credentials) == 0 || tx.store.box.IsCurrent(r.Credentials) {
			continue
		}
		pt, err := tx.store.box.Open(r.Credentials, credentialsAAD(r.ID))
		if err != nil {
			return n, fmt.Errorf("account %d: %w", r.ID, err)
		}
		if err := tx.db.Model(&accountRow{}).Where("id = ?", r.ID).Update("credentials", tx.store.box.Seal(pt, credentialsAAD(r.ID))).Error; err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// MergeCredentials adds or replaces keys in an account's sealed
// credentials (refreshed tokens).
// Credentials that can no longer be decrypted (a lost secret key) are
// replaced by update instead: reconnecting repairs the account.
func (tx *Tx) MergeCredentials(id int64, update map[string]string) error {
	a, err := tx.AccountWithCredentials(id)
	if err != nil {
		if _, err := tx.AccountByID(id); err != nil {
			return err
		}
		a = &relais.Account{}
	}
	creds := a.Credentials
	if creds == nil {
		creds = map[string]string{}
	}
	for k, v := range update {
		creds[k] = v
	}
	return tx.saveCredentials(id, creds)
}

// SetAccountProfile sets an account's tone profile.
func (tx *Tx) SetAccountProfile(id int64, profile string) error {
	return tx.db.Model(&accountRow{}).Where("id = ?", id).Update("tone_profile", profile).Error
}

// FlagNeedsReconnect marks an active account as needing reconnection and
// reports whether this call did it (so that its owner is alerted once,
// however many deliveries hit the dead token at the same time).
func (tx *Tx) FlagNeedsReconnect(id int64) (bool, error) {
	res := tx.db.Model(&accountRow{}).Where("id = ? AND status = ?", id, relais.AccountActive).
		Update("status", relais.AccountNeedsReconnect)
	return res.RowsAffected == 1, res.Error
}

// ReplaceCredentials stores creds as account id's whole credentials:
// those of another server (a Bluesky account moved to a new PDS) keep
// nothing of the old ones' sessions.
func (tx *Tx) ReplaceCredentials(id int64, creds map[string]string) error {
	return tx.saveCredentials(id, creds)
}

// SetAccountServer sets the server (BaseURL) account id is reached at.
func (tx *Tx) SetAccountServer(id int64, baseURL string) error {
	return tx.db.Model(&accountRow{}).Where("id = ?", id).Update("base_url", baseURL).Error
}

// SetAccountHandle renames account id (its platform renamed it). Returns
// ECONFLICT if another account of the platform has handle.
func (tx *Tx) SetAccountHandle(id int64, handle string) error {
	handle = relais.NormalizeHandle(handle)
	var n int64
	if err := tx.db.Model(&accountRow{}).Where("handle = ? AND id <> ? AND platform = (SELECT platform FROM accounts WHERE id = ?)", handle, id, id).Count(&n).Error; err != nil {
		return err
	} else if n > 0 {
		return &relais.Error{Code: relais.ECONFLICT, Field: "handle", Message: fmt.Sprintf("Another account is already named %s.", handle)}
	}
	return tx.db.Model(&accountRow{}).Where("id = ?", id).Update("handle", handle).Error
}
