package connect

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/relais/relais/connectors/x"
	"github.com/stretchr/testify/require"
)

// oauthParams reads the OAuth parameters of an "Authorization: OAuth ..."
// header (RFC 5849 §3.5.1).
func oauthParams(t *testing.T, r *http.Request) map[string]string {
	h, ok := strings.CutPrefix(r.Header.Get("Authorization"), "OAuth ")
	require.True(t, ok, "requests are signed with an OAuth header")
	out := map[string]string{}
	for _, kv := range strings.Split(h, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
		out[k], _ = url.QueryUnescape(strings.Trim(v, `"`))
	}
	require.Equal(t, "HMAC-SHA1", out["oauth_signature_method"])
	require.NotEmpty(t, out["oauth_signature"])
	require.Equal(t, "ck", out["oauth_consumer_key"])
	return out
}

// fakeX speaks X's three-legged OAuth 1.0a as documented at
// docs.x.com/resources/fundamentals/authentication/oauth-1-0a/obtaining-user-access-tokens:
//   - POST /oauth/request_token with oauth_callback answers
//     oauth_token, oauth_token_secret and oauth_callback_confirmed=true
//     (docs.x.com/resources/fundamentals/authentication/api-reference#post-oauth-request-token);
//   - POST /oauth/access_token with the request token and oauth_verifier
//     answers the user's oauth_token, oauth_token_secret, user_id and
//     screen_name, and 401 for a wrong verifier
//     (docs.x.com/resources/fundamentals/authentication/api-reference#post-oauth-access-token);
//   - GET /2/users/me signed with the user's token answers
//     {"data":{"id","name","username"}}
//     (docs.x.com/x-api/users/user-lookup-me).
func fakeX(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := oauthParams(t, r)
		switch r.Method + " " + r.URL.Path {
		case "POST /oauth/request_token":
			require.Equal(t, "https://relais.test/cb?state=s1", p["oauth_callback"])
			w.Write([]byte("oauth_token=rt&oauth_token_secret=rts&oauth_callback_confirmed=true"))
		case "POST /oauth/access_token":
			if p["oauth_token"] != "rt" || p["oauth_verifier"] != "good" {
				http.Error(w, "Error processing your OAuth request: Invalid oauth_verifier parameter", http.StatusUnauthorized)
				return
			}
			w.Write([]byte("oauth_token=at&oauth_token_secret=ats&user_id=42&screen_name=AvecAnne"))
		case "GET /2/users/me":
			require.Equal(t, "at", p["oauth_token"])
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"data":{"id":"42","name":"Anne","username":"AvecAnne"}}`))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestXThreeLegged(t *testing.T) {
	srv := fakeX(t)
	f := &X{HTTP: srv.Client(), ConsumerKey: "ck", ConsumerSecret: "cs", BaseURL: srv.URL}
	auth, tok, sec, err := f.Start("https://relais.test/cb?state=s1")
	require.NoError(t, err)
	require.Equal(t, srv.URL+"/oauth/authorize?oauth_token=rt", auth)
	require.Equal(t, []string{"rt", "rts"}, []string{tok, sec})

	res, err := f.Finish(context.Background(), tok, sec, "good")
	require.NoError(t, err)
	require.Equal(t, "AvecAnne", res.Handle)
	require.Equal(t, map[string]string{x.CredConsumerKey: "ck", x.CredConsumerSecret: "cs",
		x.CredAccessToken: "at", x.CredAccessTokenSecret: "ats", x.CredUserID: "42"}, res.Credentials, "the user id is kept: reading and reposting need it")

	_, err = f.Finish(context.Background(), tok, sec, "forged")
	require.ErrorContains(t, err, "x refused the connection (access token)")
}

func TestXNeedsTheConsumerKey(t *testing.T) {
	_, _, _, err := (&X{}).Start("https://relais.test/cb")
	require.ErrorContains(t, err, "RELAIS_X_CONSUMER_KEY")
	require.False(t, (*X)(nil).Configured())
}
