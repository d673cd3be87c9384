package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// blueskyPDS answers com.atproto.server.createSession as the AT Protocol
// documents it (docs.bsky.app/docs/api/com-atproto-server-create-session):
// 200 with accessJwt, refreshJwt, handle and did for the right password,
// 401 {"error":"AuthenticationRequired","message":"Invalid identifier or password"}
// otherwise.
func blueskyPDS(t *testing.T) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in struct{ Identifier, Password string }
		if r.URL.Path != "/xrpc/com.atproto.server.createSession" || json.NewDecoder(r.Body).Decode(&in) != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if in.Identifier != "anne.test" || in.Password != "abcd-efgh-ijkl-mnop" {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"error":"AuthenticationRequired","message":"Invalid identifier or password"}`))
			return
		}
		_, _ = w.Write([]byte(`{"accessJwt":"a","refreshJwt":"r","handle":"anne.test","did":"did:plc:anne"}`))
	}))
}

// mastodonInstance answers GET /api/v1/accounts/verify_credentials as
// Mastodon documents it (docs.joinmastodon.org/methods/accounts/#verify_credentials):
// the account for a valid token, 401 {"error":"The access token is invalid"}.
func mastodonInstance(t *testing.T) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path != "/api/v1/accounts/verify_credentials" || r.Header.Get("Authorization") != "Bearer good-token" {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"error":"The access token is invalid"}`))
			return
		}
		_, _ = w.Write([]byte(`{"id":"1","username":"anne","acct":"anne"}`))
	}))
}

// telegramBotAPI answers getChat as the Bot API documents it
// (core.telegram.org/bots/api#making-requests): {"ok":true,"result":…}, or
// {"ok":false,"error_code":401,"description":"Unauthorized"} for a bad token.
func telegramBotAPI(t *testing.T) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if !strings.HasPrefix(r.URL.Path, "/bot123:good/getChat") {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"ok":false,"error_code":401,"description":"Unauthorized"}`))
			return
		}
		_, _ = w.Write([]byte(`{"ok":true,"result":{"id":-1001,"type":"channel","title":"Avec Anne"}}`))
	}))
}

func credsFile(t *testing.T, dir, name, body string) string {
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
	return p
}

// TestAccountAddVerifies: `relais account add` checks credentials with the
// platform, exits non-zero with the platform's reason when refused, stores
// nothing then, and stores them unchecked with --no-verify.
func TestAccountAddVerifies(t *testing.T) {
	dir := t.TempDir()
	bsky, masto, tg := blueskyPDS(t), mastodonInstance(t), telegramBotAPI(t)
	defer bsky.Close()
	defer masto.Close()
	defer tg.Close()
	for _, c := range []struct {
		platform, handle, base, bad, good, reason string
	}{
		{"bluesky", "anne.test", bsky.URL, `{"identifier":"anne.test","app_password":"wrong"}`,
			`{"identifier":"anne.test","app_password":"abcd-efgh-ijkl-mnop"}`, "Invalid identifier or password"},
		{"mastodon", "anne@" + strings.TrimPrefix(masto.URL, "http://"), masto.URL, `{"access_token":"bad-token"}`,
			`{"access_token":"good-token"}`, "The access token is invalid"},
		{"telegram", "@avecanne", tg.URL, `{"bot_token":"123:bad","chat_id":"-1001"}`, `{"bot_token":"123:good","chat_id":"-1001"}`, "Unauthorized"},
	} {
		args := []string{"account", "add", "--data", dir, "--platform", c.platform, "--handle", c.handle, "--owner", "campaign", "--base-url", c.base}
		_, _, err := runCLI(t, append(args, "--credentials-file", credsFile(t, dir, c.platform+"-bad.json", c.bad))...)
		require.Error(t, err, c.platform)
		require.Contains(t, err.Error(), c.reason, c.platform)
		require.Contains(t, err.Error(), "--no-verify")
		out, _, err := runCLI(t, "account", "list", "--data", dir)
		require.NoError(t, err)
		require.NotContains(t, out, c.handle, "a refused account is not stored")
		out, _, err = runCLI(t, append(args, "--credentials-file", credsFile(t, dir, c.platform+"-good.json", c.good))...)
		require.NoError(t, err, c.platform)
		require.Contains(t, out, "added")
	}
	out, _, err := runCLI(t, "account", "add", "--data", dir, "--platform", "bluesky", "--handle", "offline.test", "--owner", "campaign",
		"--base-url", bsky.URL, "--no-verify", "--credentials-file", credsFile(t, dir, "offline.json", `{"identifier":"offline.test","app_password":"x"}`))
	require.NoError(t, err)
	require.Contains(t, out, "added")
}
