package x

import (
	"context"
	"fmt"
	"net/http"

	"github.com/dghubble/oauth1"
	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// Credential keys an account must hold: its OAuth 1.0a user-context
// credentials.
const (
	CredConsumerKey       = "consumer_key"
	CredConsumerSecret    = "consumer_secret"
	CredAccessToken       = "access_token"
	CredAccessTokenSecret = "access_token_secret"
)

// signedClient returns an HTTP client that signs every request with the
// account's OAuth 1.0a user-context credentials (HMAC-SHA1). JSON and
// multipart bodies are not part of the signature base string, as X expects.
func (c *Client) signedClient(ctx context.Context, a relais.Account) (*http.Client, error) {
	cr := a.Credentials
	for _, k := range []string{CredConsumerKey, CredConsumerSecret, CredAccessToken, CredAccessTokenSecret} {
		if cr[k] == "" {
			return nil, &connectors.Error{Class: connectors.AuthExpired, Platform: "x",
				Message: fmt.Sprintf("x: missing credential %q: reconnect the account", k)}
		}
	}
	cfg := oauth1.NewConfig(cr[CredConsumerKey], cr[CredConsumerSecret])
	tok := oauth1.NewToken(cr[CredAccessToken], cr[CredAccessTokenSecret])
	base := c.api.HTTP()
	hc := cfg.Client(context.WithValue(ctx, oauth1.HTTPClient, base), tok)
	hc.Timeout = base.Timeout
	return hc, nil
}
