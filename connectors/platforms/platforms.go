// Package platforms wires every platform connector into one
// connectors.Registry from a single Options value, so that the main program
// builds them in one call:
//
//	set := platforms.New(platforms.Options{SMTP: email.Config{...}})
//	reg := set.Registry()            // for the scheduler
//	set.Mailer.Send(ctx, msg)        // share kits, digests, alerts
package platforms

import (
	"net/http"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/bluesky"
	"github.com/relais/relais/connectors/email"
	"github.com/relais/relais/connectors/facebook"
	"github.com/relais/relais/connectors/mastodon"
	"github.com/relais/relais/connectors/outbound"
	"github.com/relais/relais/connectors/sandbox"
	"github.com/relais/relais/connectors/telegram"
	"github.com/relais/relais/connectors/webhook"
	"github.com/relais/relais/connectors/x"
)

// DefaultTimeout bounds each platform call when Options has neither
// HTTPClient nor Timeout.
const DefaultTimeout = 30 * time.Second

// Options configures the connectors. The zero value talks to the real
// platforms with a 30-second timeout and no SMTP server.
type Options struct {
	HTTPClient *http.Client               // shared by every HTTP connector; outbound.NewClient(Timeout, AllowPrivateNetworks) when nil
	Timeout    time.Duration              // per call, when HTTPClient is nil
	BaseURLs   map[relais.Platform]string // overrides of the real hosts (staging, fakes); an account's BaseURL wins over both

	// AllowPrivateNetworks lets the built client call loopback and
	// private addresses (RELAIS_ALLOW_PRIVATE_NETWORKS=true: tests, demo).
	AllowPrivateNetworks bool

	MastodonInstance   string // default instance for accounts without BaseURL, e.g. "https://mastodon.social"
	MastodonVisibility string // "public" by default
	FacebookVersion    string // Graph API version, facebook.DefaultVersion by default

	SMTP   email.Config  // the e-mail platform and the Mailer
	Mailer *email.Mailer // when set, used instead of a new mailer from SMTP (one mailer per process)

	// OnBlueskySession receives refreshed Bluesky tokens to persist in the
	// account's credentials (bluesky.CredAccessJwt, CredRefreshJwt, CredDID).
	OnBlueskySession func(accountID int64, access, refresh, did string)

	Sandbox *sandbox.Connector // registered when not nil
}

// Set holds the built connectors, typed, for callers that need more than
// the Connector interface (X's Cost, Mastodon's Instance, the Mailer...).
type Set struct {
	X        *x.Client
	Mastodon *mastodon.Client
	Bluesky  *bluesky.Client
	Facebook *facebook.Client
	Telegram *telegram.Client
	Webhook  *webhook.Client
	Email    *email.Connector
	Mailer   *email.Mailer
	Sandbox  *sandbox.Connector
}

// New builds every connector from opts.
func New(opts Options) *Set {
	hc := opts.HTTPClient
	if hc == nil {
		hc = outbound.NewClient(outbound.Options{Timeout: cmp(opts.Timeout, DefaultTimeout), AllowPrivate: opts.AllowPrivateNetworks})
	}
	base := func(p relais.Platform) string { return opts.BaseURLs[p] }
	mastodonURL := opts.MastodonInstance
	if u := base(relais.PlatformMastodon); u != "" {
		mastodonURL = u
	}
	s := &Set{
		X:        x.New(hc, base(relais.PlatformX)),
		Mastodon: mastodon.New(hc, mastodonURL, opts.MastodonVisibility),
		Bluesky:  bluesky.New(hc, base(relais.PlatformBluesky)),
		Facebook: facebook.New(hc, base(relais.PlatformFacebook), opts.FacebookVersion),
		Telegram: telegram.New(hc, base(relais.PlatformTelegram)),
		Webhook:  webhook.New(hc),
		Mailer:   opts.Mailer,
		Sandbox:  opts.Sandbox,
	}
	if s.Mailer == nil {
		s.Mailer = email.NewMailer(opts.SMTP)
	}
	s.Bluesky.OnSession = opts.OnBlueskySession
	s.Email = email.New(s.Mailer)
	return s
}

// Registry returns a registry holding every connector of s.
func (s *Set) Registry() *connectors.Registry {
	r := connectors.NewRegistry(s.X, s.Mastodon, s.Bluesky, s.Facebook, s.Telegram, s.Webhook, s.Email)
	if s.Sandbox != nil {
		r.Register(s.Sandbox)
	}
	return r
}

// Default builds every connector from opts and returns their registry.
func Default(opts Options) *connectors.Registry { return New(opts).Registry() }

func cmp(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}
