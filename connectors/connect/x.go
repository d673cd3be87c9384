package connect

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/dghubble/oauth1"
	"github.com/relais/relais/connectors/httpc"
	"github.com/relais/relais/connectors/x"
)

// X runs X's OAuth 1.0a three-legged flow
// (docs.x.com/resources/fundamentals/authentication/oauth-1-0a/obtaining-user-access-tokens)
// with the campaign's consumer key and secret, set once per campaign.
type X struct {
	HTTP           *http.Client // the connectors' shared client
	ConsumerKey    string
	ConsumerSecret string
	BaseURL        string // x.DefaultBaseURL when empty (fakes in tests)
}

// Configured reports whether the campaign set its consumer key and secret.
func (f *X) Configured() bool { return f != nil && f.ConsumerKey != "" && f.ConsumerSecret != "" }

func (f *X) config(callback string) *oauth1.Config {
	base := strings.TrimRight(cmp.Or(f.BaseURL, x.DefaultBaseURL), "/")
	return &oauth1.Config{ConsumerKey: f.ConsumerKey, ConsumerSecret: f.ConsumerSecret, CallbackURL: callback,
		HTTPClient: f.HTTP, Endpoint: oauth1.Endpoint{RequestTokenURL: base + "/oauth/request_token",
			AuthorizeURL: base + "/oauth/authorize", AccessTokenURL: base + "/oauth/access_token"}}
}

// Start asks X for a request token (POST oauth/request_token with
// oauth_callback) and returns the URL to send the member to, with the
// request token and its secret to keep until the callback.
func (f *X) Start(callback string) (authorize, token, secret string, err error) {
	if !f.Configured() {
		return "", "", "", errors.New("x: RELAIS_X_CONSUMER_KEY and RELAIS_X_CONSUMER_SECRET are not set")
	}
	c := f.config(callback)
	if token, secret, err = c.RequestToken(); err != nil {
		return "", "", "", refused("x", "request token", err)
	}
	u, err := c.AuthorizationURL(token)
	if err != nil {
		return "", "", "", err
	}
	return u.String(), token, secret, nil
}

// Finish trades the request token and the verifier X sent to the callback
// for the access token (POST oauth/access_token), then reads who it
// belongs to (GET /2/users/me, signed): that read is the verification.
func (f *X) Finish(ctx context.Context, token, secret, verifier string) (Result, error) {
	c := f.config("")
	at, as, err := c.AccessToken(token, secret, verifier)
	if err != nil {
		return Result{}, refused("x", "access token", err)
	}
	hc := c.Client(context.WithValue(ctx, oauth1.HTTPClient, f.HTTP), oauth1.NewToken(at, as))
	api := httpc.New(f.HTTP, httpc.Config{Platform: "x", BaseURL: cmp.Or(f.BaseURL, x.DefaultBaseURL)})
	var me struct {
		Data struct {
			ID       string `json:"id"`
			Username string `json:"username"`
		} `json:"data"`
	}
	if _, err := api.Do(ctx, httpc.Request{URL: api.Base(zeroAccount) + "/2/users/me", Op: "read account", Client: hc}, &me); err != nil {
		return Result{}, refused("x", "users/me", err)
	} else if me.Data.Username == "" {
		return Result{}, refused("x", "users/me", errors.New("answer without username"))
	}
	return Result{Handle: me.Data.Username, Credentials: map[string]string{
		x.CredConsumerKey: f.ConsumerKey, x.CredConsumerSecret: f.ConsumerSecret,
		x.CredAccessToken: at, x.CredAccessTokenSecret: as, x.CredUserID: me.Data.ID}}, nil
}
