package relais

import "time"

// FieldEventKind says what happens at a field event.
type FieldEventKind string

// Field event kinds (the contract of POST /api/events).
const (
	KindMeeting     FieldEventKind = "meeting"
	KindMarket      FieldEventKind = "market"
	KindDoorToDoor  FieldEventKind = "door_to_door"
	KindPopUp       FieldEventKind = "pop_up"
	KindHackathon   FieldEventKind = "hackathon"
	KindOtherAction FieldEventKind = "other"
)

// FieldEventKinds lists every kind in a stable order.
var FieldEventKinds = []FieldEventKind{KindMeeting, KindMarket, KindDoorToDoor, KindPopUp, KindHackathon, KindOtherAction}

// Valid reports whether k is a known kind.
func (k FieldEventKind) Valid() bool {
	for _, q := range FieldEventKinds {
		if k == q {
			return true
		}
	}
	return false
}

// Roles of the drafts generated for a field event.
const (
	DraftAnnounce = "announce" // the day before
	DraftLive     = "live"     // template the field team completes on site
	DraftRecap    = "recap"    // thank-you and recap the day after
)

// FieldEvent is a campaign event in the field (a meeting, a market tour, a
// hackathon...). A public one has a page at /e/{slug} taking RSVPs.
type FieldEvent struct {
	ID        int64            `json:"id"`
	Slug      string           `json:"slug"`
	Title     string           `json:"title"`
	Kind      FieldEventKind   `json:"kind"`
	StartsAt  time.Time        `json:"starts_at"`
	EndsAt    time.Time        `json:"ends_at"`
	Place     string           `json:"place"`
	District  string           `json:"district"`
	Public    bool             `json:"public"`
	CreatedBy int64            `json:"created_by"`
	CreatedAt time.Time        `json:"created_at"`
	Drafts    []FieldEventPost `json:"drafts,omitempty"`
}

// FieldEventPost binds a generated draft to its event.
type FieldEventPost struct {
	PostID int64  `json:"post_id"`
	Role   string `json:"role"` // DraftAnnounce, DraftLive or DraftRecap
}

// RSVP is one person's answer to a public event's invitation.
type RSVP struct {
	ID        int64     `json:"id"`
	EventID   int64     `json:"event_id"`
	Name      string    `json:"name"`
	Email     string    `json:"email"`
	District  string    `json:"district,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}
