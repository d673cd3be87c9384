// Package relais holds the domain of the relais service: campaigns' members and
// roles, social accounts, posts and their approvals, deliveries and share
// suggestions, and the coded errors every layer returns. It does no I/O: the
// store, the workflow, the scheduler and the dashboard all speak these nouns.
package relais

// Version is the release of relais, set at build time with
// -ldflags "-X github.com/relais/relais.Version=...".
var Version = "0.1.0-dev"

// Platform names a social network or channel relais publishes to.
type Platform string

// Platforms relais knows.
const (
	PlatformSandbox  Platform = "sandbox"
	PlatformX        Platform = "x"
	PlatformBluesky  Platform = "bluesky"
	PlatformMastodon Platform = "mastodon"
	PlatformFacebook Platform = "facebook"
	PlatformTelegram Platform = "telegram"
	PlatformWebhook  Platform = "webhook"
	PlatformEmail    Platform = "email"
	PlatformIntent   Platform = "intent"
)

// Platforms lists every platform in a stable order.
var Platforms = []Platform{
	PlatformSandbox, PlatformX, PlatformBluesky, PlatformMastodon, PlatformFacebook,
	PlatformTelegram, PlatformWebhook, PlatformEmail, PlatformIntent,
}

// Valid reports whether p is a known platform.
func (p Platform) Valid() bool {
	for _, q := range Platforms {
		if p == q {
			return true
		}
	}
	return false
}
