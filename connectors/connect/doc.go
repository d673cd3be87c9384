// Package connect connects accounts from the browser: the OAuth flows of
// the platforms that have one and the short-lived state that binds a flow
// to the member who started it.
//
//   - X: OAuth 1.0a three-legged (request token, the member authorizes on
//     X, callback with a verifier, access token), with the campaign's
//     consumer key and secret (X);
//   - Mastodon: an app registered on the member's instance, then the OAuth
//     2 authorization-code flow (Mastodon);
//   - States: random, single-use, expiring values bound to the member's
//     session, checked by the callback (CSRF).
//
// Every call goes through the HTTP client the connectors share (its
// dialler refuses private addresses unless allowed); the instance URL a
// member types is checked by the caller with connectors.CheckAccountURLs.
package connect

// Result is a connected account: its handle on the platform and the
// credentials to store (encrypted) with it.
type Result struct {
	Handle      string
	BaseURL     string
	Credentials map[string]string
}
