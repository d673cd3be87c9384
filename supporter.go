package relais

import "time"

// Supporter statuses.
const (
	SupporterActive       = "active"
	SupporterUnsubscribed = "unsubscribed" // opposed: never e-mailed again
	SupporterInvalid      = "invalid"      // the mail server refused the address for good
)

// Kit modes: a share kit per post, or one daily digest.
const (
	KitEach   = "each"
	KitDigest = "digest"
)

// Supporter is a contact of the campaign: no login, share kits by e-mail
// once mobilised. Without a consent (ConsentAt nil) a contact is stored but
// never e-mailed nor mobilised.
type Supporter struct {
	ID             int64      `json:"id"`
	Email          string     `json:"email"`
	Name           string     `json:"name"`
	FirstName      string     `json:"first_name,omitempty"`
	LastName       string     `json:"last_name,omitempty"`
	Postcode       string     `json:"postcode,omitempty"`
	Phone          string     `json:"phone,omitempty"`
	Interests      []string   `json:"interests,omitempty"`
	District       string     `json:"district"`
	Source         string     `json:"source,omitempty"` // the import it came from
	ConsentAt      *time.Time `json:"consent_at,omitempty"`
	ConsentSource  string     `json:"consent_source,omitempty"`
	ConsentVersion string     `json:"consent_version,omitempty"`
	Mobilised      bool       `json:"mobilised"`
	KitMode        string     `json:"kit_mode,omitempty"`
	Lang           string     `json:"lang,omitempty"`
	Status         string     `json:"status,omitempty"`
	CreatedAt      *time.Time `json:"created_at,omitempty"`
	UpdatedAt      *time.Time `json:"updated_at,omitempty"`
	ActiveAt       *time.Time `json:"active_at,omitempty"`
}

// Reachable reports whether the supporter may receive share kits: consent
// recorded, mobilised and neither unsubscribed nor refused by the mail
// server.
func (s *Supporter) Reachable() bool {
	return s.ConsentAt != nil && s.Mobilised && (s.Status == "" || s.Status == SupporterActive)
}
