// Package connectors defines how relais talks to social platforms: the
// Connector interface every platform package implements, the classified
// errors they return, the drafts and receipts they exchange, and a registry
// that maps a platform to its connector. Connectors know nothing of the store.
package connectors

import (
	"context"
	"fmt"
	"time"

	"github.com/relais/relais"
)

// Media is an image or video attached to a draft.
type Media struct {
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	Data        []byte `json:"-"`
	AltText     string `json:"alt_text,omitempty"`
}

// Draft is what a connector publishes: the text for its platform and media.
type Draft struct {
	Text     string  `json:"text"`
	Media    []Media `json:"media,omitempty"`
	Language string  `json:"language,omitempty"` // BCP 47, "fr" by default
	Link     string  `json:"link,omitempty"`     // tracked link, for share intents
	Quote    *Quote  `json:"quote,omitempty"`    // a post of the same platform it quotes
}

// Quote is the post a draft quotes: Bluesky embeds it as a record (its
// at:// URI and CID), X by its id (quote_tweet_id). Platforms without
// quotes ignore it: the draft's text links to the post.
type Quote struct {
	URI string `json:"uri"`
	CID string `json:"cid,omitempty"`
	ID  string `json:"id,omitempty"`
}

// Receipt is a platform's acknowledgement of a publication.
type Receipt struct {
	RemoteID string `json:"remote_id"`
	URL      string `json:"url"`
}

// Problem is one reason a draft cannot be published on a platform.
type Problem struct {
	Field   string `json:"field"`   // "text", "media"
	Code    string `json:"code"`    // "too_long", "media_type", ...
	Message string `json:"message"` // English, for logs and API clients
}

// Error implements error so a problem can be returned on its own.
func (p Problem) Error() string { return fmt.Sprintf("%s: %s", p.Field, p.Message) }

// Connector publishes drafts to one platform.
//
// Publish must send key to the platform where it honours an idempotency key,
// and return an *Error classified by what the platform answered. Lookup
// finds a publication made with key, for reconciliation after a crash; it
// returns found=false when the platform cannot tell (then the caller must
// not retry blindly).
type Connector interface {
	Platform() relais.Platform
	Validate(d Draft) []Problem
	Publish(ctx context.Context, a relais.Account, d Draft, key string) (Receipt, error)
	Lookup(ctx context.Context, a relais.Account, key string) (Receipt, bool, error)
}

// Registry maps platforms to their connectors.
type Registry struct {
	m map[relais.Platform]Connector
}

// NewRegistry returns a registry holding cs.
func NewRegistry(cs ...Connector) *Registry {
	r := &Registry{m: make(map[relais.Platform]Connector)}
	for _, c := range cs {
		r.Register(c)
	}
	return r
}

// Register adds or replaces the connector for its platform.
func (r *Registry) Register(c Connector) { r.m[c.Platform()] = c }

// Get returns the connector for p. Returns an EINVALID error if none is
// registered.
func (r *Registry) Get(p relais.Platform) (Connector, error) {
	c, ok := r.m[p]
	if !ok {
		return nil, relais.Errorf(relais.EINVALID, "No connector for platform %q.", p)
	}
	return c, nil
}

// Idempotent is implemented by connectors whose platform deduplicates
// publications by key (Mastodon's Idempotency-Key, the sandbox), so that a
// publish whose outcome is unknown may safely be sent again with the same key.
type Idempotent interface {
	HonoursIdempotencyKey() bool
}

// Windowed is implemented by idempotent connectors whose platform forgets
// a key after a while (Mastodon: one hour): past the window, a retry could
// publish twice.
type Windowed interface {
	IdempotencyWindow() time.Duration
}

// KeyExpired reports whether c's platform may have forgotten a key first
// sent at first.
//
// It answers early, by KeyMargin: a call claimed just inside the window may
// reach the platform (after media uploads) just outside it.
func KeyExpired(c Connector, first, now time.Time) bool {
	w, ok := c.(Windowed)
	return ok && !first.IsZero() && now.Sub(first) > w.IdempotencyWindow()-KeyMargin
}

// KeyMargin is how long before a platform forgets a key relais stops
// relying on it.
const KeyMargin = 5 * time.Minute

// HonoursKey reports whether c may be retried with the same key.
func HonoursKey(c Connector) bool {
	i, ok := c.(Idempotent)
	return ok && i.HonoursIdempotencyKey()
}

// SandboxURL as an account's base URL routes it to the sandbox connector
// while keeping its platform's text rules (the demo's accounts).
const SandboxURL = "sandbox:"

// For returns the connector that publishes to a: the sandbox for sandboxed
// accounts, the platform's connector otherwise.
func (r *Registry) For(a relais.Account) (Connector, error) {
	if a.BaseURL == SandboxURL {
		return r.Get(relais.PlatformSandbox)
	}
	return r.Get(a.Platform)
}

// NewMedia returns the draft image for a stored image and its bytes.
func NewMedia(m relais.Media, data []byte) Media {
	return Media{Filename: m.Filename, ContentType: m.ContentType, Data: data, AltText: m.AltText}
}
