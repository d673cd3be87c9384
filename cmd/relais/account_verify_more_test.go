package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// platformReads answers the one harmless read call each platform is
// checked with, as documented:
//   - Facebook GET /v26.0/me?fields=id,name with the Page token
//     (developers.facebook.com/docs/graph-api/overview), 400 OAuthException
//     code 190 for a bad token (developers.facebook.com/docs/graph-api/guides/error-handling);
//   - X GET /2/users/me signed with OAuth 1.0a (docs.x.com/x-api/users/user-lookup-me),
//     401 {"title":"Unauthorized"} for unknown tokens;
//   - a Slack incoming webhook: GET answers 400 invalid_payload for a live
//     hook, 404 no_service for a revoked one (api.slack.com/messaging/webhooks#handling_errors).
func platformReads(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v26.0/me":
			if r.Header.Get("Authorization") != "Bearer page-good" {
				w.WriteHeader(http.StatusBadRequest)
				w.Write([]byte(`{"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190}}`))
				return
			}
			w.Write([]byte(`{"id":"1048","name":"Avec Anne"}`))
		case "/2/users/me":
			if !strings.Contains(r.Header.Get("Authorization"), `oauth_token="x-good"`) {
				w.WriteHeader(http.StatusUnauthorized)
				w.Write([]byte(`{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`))
				return
			}
			w.Write([]byte(`{"data":{"id":"42","name":"Anne","username":"AvecAnne"}}`))
		case "/hooks/live":
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte("invalid_payload"))
		default:
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte("no_service"))
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestAccountAddVerifiesFacebookXWebhook: `relais account add` checks a
// Facebook Page token, X tokens and a webhook URL with one read call and
// exits non-zero with the platform's reason when refused.
func TestAccountAddVerifiesFacebookXWebhook(t *testing.T) {
	t.Parallel()
	dir, srv := t.TempDir(), platformReads(t)
	xCreds := func(tok string) string {
		return `{"consumer_key":"ck","consumer_secret":"cs","access_token":"` + tok + `","access_token_secret":"s"}`
	}
	for _, c := range []struct {
		platform, handle, base, bad, good, reason string
	}{
		{"facebook", "AvecAnne", srv.URL, `{"page_access_token":"page-bad"}`, `{"page_access_token":"page-good","page_id":"1048"}`, "Invalid OAuth access token"},
		{"x", "AvecAnne", srv.URL, xCreds("x-bad"), xCreds("x-good"), "Unauthorized"},
		{"webhook", "equipe", "", `{"url":"` + srv.URL + `/hooks/revoked","kind":"slack"}`, `{"url":"` + srv.URL + `/hooks/live","kind":"slack"}`, "refused these credentials"},
	} {
		args := []string{"account", "add", "--data", dir, "--platform", c.platform, "--handle", c.handle, "--owner", "campaign"}
		if c.base != "" {
			args = append(args, "--base-url", c.base)
		}
		_, _, err := runCLI(t, append(args, "--credentials-file", credsFile(t, dir, c.platform+"-bad.json", c.bad))...)
		require.Error(t, err, c.platform)
		require.Contains(t, err.Error(), c.reason, c.platform)
		require.NotContains(t, err.Error(), "/hooks/", "a webhook URL is a secret: never in errors")
		out, _, err := runCLI(t, append(args, "--credentials-file", credsFile(t, dir, c.platform+"-good.json", c.good))...)
		require.NoError(t, err, c.platform)
		require.Contains(t, out, "added")
	}
}
