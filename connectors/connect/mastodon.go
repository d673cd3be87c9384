package connect

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/httpc"
	"github.com/relais/relais/connectors/mastodon"
)

// zeroAccount makes httpc.Client.Base return the configured base URL.
var zeroAccount relais.Account

// MastodonScopes are the scopes relais asks for: read its own account,
// find another instance's status by its URL (GET /api/v2/search with
// resolve=true, for boosting and quoting a colistier's post:
// https://docs.joinmastodon.org/methods/search/#v2), post statuses and
// media.
const MastodonScopes = "read:accounts read:search write:statuses write:media"

// Mastodon registers relais as an app on the member's instance and runs
// the OAuth 2 authorization-code flow there
// (docs.joinmastodon.org/client/token/).
type Mastodon struct {
	HTTP *httpc.Client // built with httpc.New(shared client, Config{Platform: "mastodon"})
}

// App is relais's registration on an instance.
type App struct {
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
}

// Register creates the app on instance (POST /api/v1/apps,
// docs.joinmastodon.org/methods/apps/#create) with redirect as its only
// redirect URI.
func (f *Mastodon) Register(ctx context.Context, instance, redirect string) (App, error) {
	in := map[string]string{"client_name": "relais", "redirect_uris": redirect, "scopes": MastodonScopes}
	var app App
	if _, err := f.HTTP.Do(ctx, httpc.Request{Method: "POST", URL: trim(instance) + "/api/v1/apps", Op: "register app", JSON: in}, &app); err != nil {
		return App{}, refused("mastodon", "register app", err)
	} else if app.ClientID == "" || app.ClientSecret == "" {
		return App{}, refused("mastodon", "register app", errors.New("answer without client_id or client_secret"))
	}
	return app, nil
}

// AuthorizeURL is where the member approves relais on her instance
// (GET /oauth/authorize, docs.joinmastodon.org/methods/oauth/#authorize).
func (f *Mastodon) AuthorizeURL(instance string, app App, redirect, state string) string {
	q := url.Values{"response_type": {"code"}, "client_id": {app.ClientID}, "redirect_uri": {redirect},
		"scope": {MastodonScopes}, "state": {state}}
	return trim(instance) + "/oauth/authorize?" + q.Encode()
}

// Finish trades the code the instance sent to the callback for a token
// (POST /oauth/token, docs.joinmastodon.org/methods/oauth/#token), then
// reads whose it is (GET /api/v1/accounts/verify_credentials): that read
// is the verification.
func (f *Mastodon) Finish(ctx context.Context, instance string, app App, redirect, code string) (Result, error) {
	in := map[string]string{"grant_type": "authorization_code", "code": code, "client_id": app.ClientID,
		"client_secret": app.ClientSecret, "redirect_uri": redirect, "scope": MastodonScopes}
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	base := trim(instance)
	if _, err := f.HTTP.Do(ctx, httpc.Request{Method: "POST", URL: base + "/oauth/token", Op: "obtain token", JSON: in}, &tok); err != nil {
		return Result{}, refused("mastodon", "token", err)
	} else if tok.AccessToken == "" {
		return Result{}, refused("mastodon", "token", errors.New("answer without access_token"))
	}
	var me struct {
		Username string `json:"username"`
	}
	if _, err := f.HTTP.Do(ctx, httpc.Request{URL: base + "/api/v1/accounts/verify_credentials", Op: "verify credentials", Token: tok.AccessToken}, &me); err != nil {
		return Result{}, refused("mastodon", "verify_credentials", err)
	}
	u, _ := url.Parse(base)
	return Result{Handle: me.Username + "@" + u.Hostname(), BaseURL: base,
		Credentials: map[string]string{mastodon.CredAccessToken: tok.AccessToken}}, nil
}

func trim(instance string) string { return strings.TrimRight(strings.TrimSpace(instance), "/") }
