package connect

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/relais/relais/connectors/httpc"
	"github.com/stretchr/testify/require"
)

// fakeMastodon speaks the documented app and OAuth endpoints:
//   - POST /api/v1/apps {client_name, redirect_uris, scopes} answers the
//     Application with client_id and client_secret
//     (docs.joinmastodon.org/methods/apps/#create);
//   - POST /oauth/token {grant_type=authorization_code, code, client_id,
//     client_secret, redirect_uri} answers a Token, 400 invalid_grant for
//     a wrong code (docs.joinmastodon.org/methods/oauth/#token);
//   - GET /api/v1/accounts/verify_credentials with the bearer token answers
//     the CredentialAccount (docs.joinmastodon.org/methods/accounts/#verify_credentials).
func fakeMastodon(t *testing.T, redirect string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in map[string]string
		if r.Method == http.MethodPost {
			require.NoError(t, json.NewDecoder(r.Body).Decode(&in))
		}
		w.Header().Set("Content-Type", "application/json")
		switch r.Method + " " + r.URL.Path {
		case "POST /api/v1/apps":
			require.Equal(t, map[string]string{"client_name": "relais", "redirect_uris": redirect, "scopes": MastodonScopes}, in)
			w.Write([]byte(`{"id":"1","name":"relais","client_id":"cid","client_secret":"csec","redirect_uri":"` + redirect + `"}`))
		case "POST /oauth/token":
			require.Equal(t, []string{"authorization_code", "cid", "csec", redirect}, []string{in["grant_type"], in["client_id"], in["client_secret"], in["redirect_uri"]})
			if in["code"] != "good" {
				w.WriteHeader(http.StatusBadRequest)
				w.Write([]byte(`{"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired, revoked."}`))
				return
			}
			w.Write([]byte(`{"access_token":"tok","token_type":"Bearer","scope":"` + MastodonScopes + `","created_at":1}`))
		case "GET /api/v1/accounts/verify_credentials":
			require.Equal(t, "Bearer tok", r.Header.Get("Authorization"))
			w.Write([]byte(`{"id":"7","username":"anne","acct":"anne"}`))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestMastodonAuthorizationCode(t *testing.T) {
	redirect := "https://relais.test/settings/connect/mastodon/callback"
	srv := fakeMastodon(t, redirect)
	f := &Mastodon{HTTP: httpc.New(srv.Client(), httpc.Config{Platform: "mastodon"})}
	app, err := f.Register(context.Background(), srv.URL+"/", redirect)
	require.NoError(t, err)
	require.Equal(t, App{ClientID: "cid", ClientSecret: "csec"}, app)

	u, err := url.Parse(f.AuthorizeURL(srv.URL, app, redirect, "st"))
	require.NoError(t, err)
	require.Equal(t, "/oauth/authorize", u.Path)
	require.Equal(t, url.Values{"response_type": {"code"}, "client_id": {"cid"}, "redirect_uri": {redirect},
		"scope": {MastodonScopes}, "state": {"st"}}, u.Query())

	res, err := f.Finish(context.Background(), srv.URL, app, redirect, "good")
	require.NoError(t, err)
	host, _ := url.Parse(srv.URL)
	require.Equal(t, "anne@"+host.Hostname(), res.Handle)
	require.Equal(t, srv.URL, res.BaseURL)
	require.Equal(t, map[string]string{"access_token": "tok"}, res.Credentials)

	_, err = f.Finish(context.Background(), srv.URL, app, redirect, "stale")
	require.ErrorContains(t, err, "mastodon refused the connection (token)")
}
