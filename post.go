package relais

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/relais/relais/langdetect"
)

// PostState is a step of a post's lifecycle (see docs/ARCHITECTURE.md).
type PostState string

// Post states.
const (
	PostDraft              PostState = "draft"
	PostInReview           PostState = "in_review"
	PostChangesRequested   PostState = "changes_requested"
	PostApproved           PostState = "approved"
	PostScheduled          PostState = "scheduled"
	PostPublishing         PostState = "publishing"
	PostPublished          PostState = "published"
	PostPartiallyPublished PostState = "partially_published"
	PostFailed             PostState = "failed"
	PostOutcomeUnknown     PostState = "outcome_unknown"
	PostCancelled          PostState = "cancelled"
	PostRejected           PostState = "rejected"
	PostExpired            PostState = "expired"
	PostDeleted            PostState = "deleted" // soft-deleted: kept for the audit log, listed nowhere
)

// Editable reports whether a post in state s may still be edited.
// It reads the lifecycle table: the states an edit may leave.
func (s PostState) Editable() bool {
	_, err := PostTransition(s, PostEdit)
	return err == nil
}

// MaxTextBytes is the largest post text accepted, in bytes.
const MaxTextBytes = 64 << 10

// Post is a message to publish to one or more accounts.
type Post struct {
	ID          int64               `json:"id"`
	AuthorID    int64               `json:"author_id"`
	Text        string              `json:"text"`
	Variants    map[Platform]string `json:"variants,omitempty"` // per-platform text
	Targets     []int64             `json:"targets"`            // account IDs
	Media       []Media             `json:"media,omitempty"`    // images, in order
	Video       *PostVideo          `json:"video,omitempty"`    // instead of images
	Quote       *PostQuote          `json:"quote,omitempty"`    // a colistier's post it quotes
	ScheduledAt *time.Time          `json:"scheduled_at,omitempty"`
	Sensitive   bool                `json:"sensitive"`
	State       PostState           `json:"state"`
	ContentHash string              `json:"content_hash"`
	Tone        *ToneVerdict        `json:"tone,omitempty"`
	Routing     Routing             `json:"routing"`
	Lang        string              `json:"lang,omitempty"` // "fr" or "en": tags the publication
	CreatedAt   time.Time           `json:"created_at"`
	UpdatedAt   time.Time           `json:"updated_at"`
}

// TextFor returns the text to publish on platform p: its variant if any.
func (p *Post) TextFor(pl Platform) string {
	if v, ok := p.Variants[pl]; ok && v != "" {
		return v
	}
	return p.Text
}

// Validate checks the fields a post needs whatever its targets.
func (p *Post) Validate(now time.Time) error {
	if strings.TrimSpace(p.Text) == "" {
		return FieldErrorf("text", "Text is required.").With("error.text_required")
	} else if !utf8.ValidString(p.Text) {
		return FieldErrorf("text", "Text is not valid UTF-8.").With("error.text_utf8")
	} else if len(p.Text) > MaxTextBytes {
		return &Error{Code: ETOOLARGE, Field: "text", Message: "Text is longer than 64 KiB.", Key: "error.text_too_large"}
	} else if len(p.Targets) == 0 {
		return FieldErrorf("targets", "At least one target account is required.").With("error.no_target")
	} else if p.Video != nil && len(p.Media) > 0 {
		return FieldErrorf("video", "A post carries one video or images, not both.").With("error.video_and_images")
	} else if p.ScheduledAt != nil && p.ScheduledAt.Before(now.Add(-time.Minute)) {
		at := p.ScheduledAt.UTC().Format(time.RFC3339)
		return FieldErrorf("scheduled_at", "Scheduled time %s is in the past.", at).With("error.past_date", "at", at)
	}
	for pl, v := range p.Variants {
		if !pl.Valid() {
			return FieldErrorf("variants", "Unknown platform %q.", pl).With("error.variant_platform", "platform", string(pl))
		} else if !utf8.ValidString(v) || len(v) > MaxTextBytes {
			return FieldErrorf("variants", "Variant for %s is not valid text or is too long.", pl).With("error.variant_text", "platform", string(pl))
		}
	}
	return nil
}

// Hash returns the content hash an approval is bound to: texts per platform,
// targets, scheduled time, images, video and quoted post. Any change to these changes the hash.
func (p *Post) Hash() string {
	type content struct {
		Text        string      `json:"text"`
		Variants    [][2]string `json:"variants"`
		Targets     []int64     `json:"targets"`
		ScheduledAt string      `json:"scheduled_at"`
		Sensitive   bool        `json:"sensitive"`
		Media       [][2]string `json:"media,omitempty"` // sha256 and alt text, in order
		Video       []string    `json:"video,omitempty"` // sha256, alt text, thumbnail's sha256
		Quote       []string    `json:"quote,omitempty"` // platform, uri, cid, id
	}
	c := content{Text: p.Text, Sensitive: p.Sensitive, Video: p.Video.hashed(), Quote: p.Quote.hashed()}
	for _, m := range p.Media {
		c.Media = append(c.Media, [2]string{m.SHA256, m.AltText})
	}
	for pl, v := range p.Variants {
		c.Variants = append(c.Variants, [2]string{string(pl), v})
	}
	sort.Slice(c.Variants, func(i, j int) bool { return c.Variants[i][0] < c.Variants[j][0] })
	c.Targets = append([]int64(nil), p.Targets...)
	sort.Slice(c.Targets, func(i, j int) bool { return c.Targets[i] < c.Targets[j] })
	if p.ScheduledAt != nil {
		c.ScheduledAt = p.ScheduledAt.UTC().Format(time.RFC3339)
	}
	b, _ := json.Marshal(c)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// ContentOnlyHash is Hash without the scheduled time: what a recurrence
// repeats at each of its times.
func (p *Post) ContentOnlyHash() string {
	c := *p
	c.ScheduledAt = nil
	return c.Hash()
}

// Routing says who must approve a post and why.
type Routing struct {
	Approver string   `json:"approver"` // "candidate" or "editor"
	Reasons  []string `json:"reasons,omitempty"`
}

// ToneVerdict is the result of the tone check stored with a post.
type ToneVerdict struct {
	Verdict    string          `json:"verdict"` // ok, warn, block
	Violations json.RawMessage `json:"violations,omitempty"`
	Overridden bool            `json:"overridden,omitempty"` // an admin overrode a block
	Hash       string          `json:"hash,omitempty"`       // the content (without time) the verdict is for
}

// Approval is one approver's decision on a given content hash.
type Approval struct {
	ID          int64     `json:"id"`
	PostID      int64     `json:"post_id"`
	MemberID    int64     `json:"member_id"`
	MemberName  string    `json:"member_name,omitempty"`
	Decision    string    `json:"decision"` // approved, rejected, changes_requested
	ContentHash string    `json:"content_hash"`
	Comment     string    `json:"comment,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// DeliveryState is a step of one publication to one account.
type DeliveryState string

// Delivery states.
const (
	DeliveryPending        DeliveryState = "pending"
	DeliveryPublishing     DeliveryState = "publishing"
	DeliveryPublished      DeliveryState = "published"
	DeliveryFailed         DeliveryState = "failed"
	DeliveryOutcomeUnknown DeliveryState = "outcome_unknown"
	DeliveryHeld           DeliveryState = "held"
)

// Delivery is the publication of a post to one account.
type Delivery struct {
	ID             int64         `json:"id"`
	PostID         int64         `json:"post_id"`
	AccountID      int64         `json:"account_id"`
	State          DeliveryState `json:"state"`
	IdempotencyKey string        `json:"idempotency_key,omitempty"`
	RemoteID       string        `json:"remote_id,omitempty"`
	URL            string        `json:"url,omitempty"`
	Error          string        `json:"error,omitempty"`
	Attempts       int           `json:"attempts"`
	FirstAttemptAt *time.Time    `json:"first_attempt_at,omitempty"`
	PublishedAt    *time.Time    `json:"published_at,omitempty"`
	UpdatedAt      time.Time     `json:"updated_at"`
	// HeldBy names the replica publishing it now, since HeldSince (while
	// it is publishing).
	HeldBy    string     `json:"held_by,omitempty"`
	HeldSince *time.Time `json:"held_since,omitempty"`
}

// Suggestion is a share suggestion for a colistier or a supporter.
type Suggestion struct {
	ID          int64     `json:"id"`
	PostID      int64     `json:"post_id"`
	MemberID    int64     `json:"member_id,omitempty"`
	SupporterID int64     `json:"supporter_id,omitempty"`
	Text        string    `json:"text"`
	State       string    `json:"state"` // pending, shared, declined
	NotBefore   time.Time `json:"not_before"`
	CreatedAt   time.Time `json:"created_at"`
}

// AggregateState derives a post's state from its deliveries' states.
func AggregateState(ds []*Delivery) PostState {
	var published, failed, unknown, open int
	for _, d := range ds {
		switch d.State {
		case DeliveryPublished:
			published++
		case DeliveryFailed:
			failed++
		case DeliveryOutcomeUnknown:
			unknown++
		default:
			open++
		}
	}
	switch {
	case open > 0 || len(ds) == 0:
		return PostPublishing
	case unknown > 0:
		return PostOutcomeUnknown
	case failed == 0:
		return PostPublished
	case published == 0:
		return PostFailed
	}
	return PostPartiallyPublished
}

// LangFor returns the language to tag the publication on platform pl
// with: a variant's own language when it is clearly another, else the
// post's, French by default.
func (p *Post) LangFor(pl Platform) string {
	if v, ok := p.Variants[pl]; ok && v != "" {
		if l := langdetect.Detect(v); l != "" {
			return l
		}
	}
	if p.Lang != "" {
		return p.Lang
	}
	return "fr"
}

// VariantNames maps each text p offers for sharing to its variant's name:
// "" for the post's own text, else the platform's name (the names tracked
// links are recorded under).
func (p *Post) VariantNames() map[string]string {
	out := map[string]string{p.Text: ""}
	for _, pl := range Platforms {
		if v := p.Variants[pl]; v != "" {
			if _, seen := out[v]; !seen {
				out[v] = string(pl)
			}
		}
	}
	return out
}
