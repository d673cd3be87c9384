package relais

import "time"

// ToneExample is a labelled past decision the tone model learns from: the
// post's text with opponents' and own-team names replaced by role
// placeholders, and the tone rule it broke ("ok" for an admin override).
type ToneExample struct {
	ID        int64     `json:"id"`
	PostID    int64     `json:"post_id,omitempty"`
	MemberID  int64     `json:"member_id"`
	Text      string    `json:"text"`
	Label     string    `json:"label"`  // ok, attack, negative, desintox, ridicule
	Source    string    `json:"source"` // rejected, changes_requested, override
	Reason    string    `json:"reason,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}
