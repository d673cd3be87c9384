package relais

import (
	"strings"
	"time"
)

// OwnerKind says whose voice an account is.
type OwnerKind string

// Owner kinds.
const (
	OwnerCandidate OwnerKind = "candidate"
	OwnerCampaign  OwnerKind = "campaign"
	OwnerColistier OwnerKind = "colistier"
	OwnerDistrict  OwnerKind = "district"
)

// Valid reports whether k is a known owner kind.
func (k OwnerKind) Valid() bool {
	switch k {
	case OwnerCandidate, OwnerCampaign, OwnerColistier, OwnerDistrict:
		return true
	}
	return false
}

// Account states.
const (
	AccountActive         = "active"
	AccountNeedsReconnect = "needs_reconnect"
)

// Account is a social account relais may publish to.
type Account struct {
	ID            int64     `json:"id"`
	Platform      Platform  `json:"platform"`
	Handle        string    `json:"handle"`
	OwnerKind     OwnerKind `json:"owner_kind"`
	OwnerMemberID int64     `json:"owner_member_id,omitempty"`
	District      string    `json:"district,omitempty"`
	BaseURL       string    `json:"base_url,omitempty"`
	ToneProfile   string    `json:"tone_profile"`
	Status        string    `json:"status"`
	CreatedAt     time.Time `json:"created_at"`

	// Credentials are decrypted only when a connector needs them; they are
	// never serialised.
	Credentials map[string]string `json:"-"`
}

// DefaultToneProfile returns the tone profile an account of kind k gets
// unless configured otherwise.
func DefaultToneProfile(k OwnerKind) string {
	switch k {
	case OwnerCampaign:
		return "campaign"
	case OwnerColistier, OwnerDistrict:
		return "colistier"
	}
	return "candidate"
}

// NormalizeHandle trims blanks and a leading "@" so handles compare equal.
func NormalizeHandle(h string) string {
	return strings.TrimPrefix(strings.TrimSpace(h), "@")
}

// AccountLabel is how an account is shown beside a post or in a list:
// its platform, handle and owner kind.
type AccountLabel struct {
	Platform  Platform  `json:"platform"`
	Handle    string    `json:"handle"`
	OwnerKind OwnerKind `json:"owner_kind"`
}

// Label returns a's label.
func (a *Account) Label() AccountLabel {
	return AccountLabel{Platform: a.Platform, Handle: a.Handle, OwnerKind: a.OwnerKind}
}
