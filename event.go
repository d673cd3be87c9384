package relais

import "time"

// Event types pushed to the live dashboard.
const (
	EventPostSubmitted = "post.submitted"
	EventPostUpdated   = "post.updated"
	EventPostApproved  = "post.approved"
	EventPostRejected  = "post.rejected"
	EventDelivery      = "delivery.updated"
	EventPresence      = "presence"
)

// Event is something that happened, for live views. Audience limits who may
// see it: an empty audience means every signed-in member.
type Event struct {
	Seq      int64          `json:"seq"`
	Type     string         `json:"type"`
	PostID   int64          `json:"post_id,omitempty"`
	State    string         `json:"state,omitempty"`
	Data     map[string]any `json:"data,omitempty"`
	At       time.Time      `json:"at"`
	Audience []Role         `json:"-"`
}

// EventService publishes events to subscribers.
type EventService interface {
	Publish(e Event)
}
