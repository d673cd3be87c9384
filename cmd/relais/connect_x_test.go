package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// xOAuthServer speaks X's three-legged OAuth 1.0a as documented at
// docs.x.com/resources/fundamentals/authentication/oauth-1-0a/obtaining-user-access-tokens:
//   - POST /oauth/request_token, signed with the consumer key and carrying
//     oauth_callback, answers oauth_token, oauth_token_secret and
//     oauth_callback_confirmed=true
//     (docs.x.com/resources/fundamentals/authentication/api-reference#post-oauth-request-token);
//   - GET /oauth/authorize?oauth_token=… is where the member signs in and
//     authorizes the app; X then redirects her to the callback with
//     oauth_token and oauth_verifier
//     (docs.x.com/resources/fundamentals/authentication/api-reference#get-oauth-authorize);
//   - POST /oauth/access_token with the request token and oauth_verifier
//     answers the member's oauth_token, oauth_token_secret, user_id and
//     screen_name (…#post-oauth-access-token), 401 otherwise;
//   - GET /2/users/me signed with the member's token answers
//     {"data":{"id","name","username"}} (docs.x.com/x-api/users/user-lookup-me).
//
// Each authorization hands out a new access token (at-1, at-2…).
type xOAuthServer struct {
	srv      *httptest.Server
	mu       sync.Mutex
	callback map[string]string // request token → its oauth_callback
	issued   map[string]string // request token → verifier
	n        int
	username string // who signs in on X
	userID   string // her X user id
}

func newXOAuthServer(t *testing.T) *xOAuthServer {
	f := &xOAuthServer{callback: map[string]string{}, issued: map[string]string{}, username: "AvecAnne", userID: "42"}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// oauthHeader reads an "Authorization: OAuth …" header (RFC 5849 §3.5.1).
func oauthHeader(r *http.Request) map[string]string {
	out := map[string]string{}
	h, _ := strings.CutPrefix(r.Header.Get("Authorization"), "OAuth ")
	for _, kv := range strings.Split(h, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
		out[k], _ = url.QueryUnescape(strings.Trim(v, `"`))
	}
	return out
}

func (f *xOAuthServer) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := oauthHeader(r)
	if r.URL.Path != "/oauth/authorize" && (p["oauth_consumer_key"] != "campaign-ck" || p["oauth_signature"] == "") {
		http.Error(w, `{"errors":[{"code":32,"message":"Could not authenticate you."}]}`, http.StatusUnauthorized)
		return
	}
	switch r.Method + " " + r.URL.Path {
	case "POST /oauth/request_token":
		f.n++
		rt := fmt.Sprintf("rt-%d", f.n)
		f.callback[rt] = p["oauth_callback"]
		fmt.Fprintf(w, "oauth_token=%s&oauth_token_secret=rts-%d&oauth_callback_confirmed=true", rt, f.n)
	case "GET /oauth/authorize":
		rt := r.URL.Query().Get("oauth_token")
		cb, ok := f.callback[rt]
		if !ok {
			http.Error(w, "unknown request token", http.StatusBadRequest)
			return
		}
		f.issued[rt] = "v-" + rt
		sep := "?"
		if strings.Contains(cb, "?") {
			sep = "&"
		}
		http.Redirect(w, r, cb+sep+url.Values{"oauth_token": {rt}, "oauth_verifier": {"v-" + rt}}.Encode(), http.StatusFound)
	case "POST /oauth/access_token":
		rt := p["oauth_token"]
		if f.issued[rt] == "" || f.issued[rt] != p["oauth_verifier"] {
			http.Error(w, "Error processing your OAuth request: Invalid oauth_verifier parameter", http.StatusUnauthorized)
			return
		}
		delete(f.issued, rt)
		n := strings.TrimPrefix(rt, "rt-")
		fmt.Fprintf(w, "oauth_token=at-%s&oauth_token_secret=ats-%s&user_id=%s&screen_name=%s", n, n, f.userID, f.username)
	case "GET /2/users/me":
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"data":{"id":%q,"name":"Anne","username":%q}}`, f.userID, f.username)
	default:
		http.NotFound(w, r)
	}
}

// TestConnectXEndToEnd (issue 14 item 6): an admin connects an X account
// from Settings › Accounts › Connect over real HTTP: relais asks X for a
// request token, sends her to X's authorize page, X sends her back to
// relais' callback, relais trades the verifier for the access token, reads
// who it belongs to and stores it encrypted; the account is listed. Then
// she reconnects it: new credentials replace the old ones in place (same
// account, audited without the secret); signing in on X as someone else
// is refused, in her language, and changes nothing.
func TestConnectXEndToEnd(t *testing.T) {
	t.Parallel()
	fx := newXOAuthServer(t)
	tm := mustRunDemoWith(t, func(m *Main) {
		m.cfg.XConsumerKey, m.cfg.XConsumerSecret, m.XBaseURL = "campaign-ck", "campaign-cs", fx.srv.URL
	})
	admin := tm.signIn(t, "admin@demo.relais.fr")

	status, body := admin.post("/settings/connect/x", url.Values{"owner": {"campaign"}})
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, "Compte vérifié et connecté.")
	_, body = admin.get("/settings/accounts")
	require.Contains(t, body, "@AvecAnne<")
	a, raw := xAccount(t, tm, "AvecAnne")
	require.Equal(t, map[string]string{"consumer_key": "campaign-ck", "consumer_secret": "campaign-cs", "access_token": "at-1", "access_token_secret": "ats-1", "user_id": "42"}, a.Credentials)
	require.NotContains(t, raw, "at-1", "stored encrypted")
	require.NotContains(t, raw, "ats-1")

	// Reconnect in place.
	_, body = admin.get(fmt.Sprintf("/settings/connect?reconnect=%d", a.ID))
	require.Contains(t, body, "Reconnecter @AvecAnne")
	require.NotContains(t, body, `id="connect-bluesky"`, "only X's form")
	status, body = admin.post("/settings/connect/x", url.Values{"reconnect": {fmt.Sprint(a.ID)}})
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, "Compte reconnecté")
	again, _ := xAccount(t, tm, "AvecAnne")
	require.Equal(t, a.ID, again.ID, "the same account")
	require.Equal(t, "at-2", again.Credentials["access_token"])
	last := tm.lastAudit()
	require.Equal(t, "account.update", last.Action)
	require.Contains(t, last.Detail, "reconnected")
	require.NotContains(t, last.Detail, "at-2")

	// Someone else signs in on X: refused, nothing replaced.
	fx.mu.Lock()
	fx.username, fx.userID = "Usurpateur", "43"
	fx.mu.Unlock()
	status, body = admin.post("/settings/connect/x?lang=en", url.Values{"reconnect": {fmt.Sprint(a.ID)}})
	require.Equal(t, http.StatusBadRequest, status)
	require.Contains(t, body, "These credentials are @Usurpateur&#39;s, not @AvecAnne&#39;s")
	requirePure(t, "reconnect refused", "en", body)
	kept, _ := xAccount(t, tm, "AvecAnne")
	require.Equal(t, "at-2", kept.Credentials["access_token"])
	for _, lang := range []string{"fr", "en"} {
		_, body = admin.get(fmt.Sprintf("/settings/connect?reconnect=%d&lang=%s", a.ID, lang))
		requirePure(t, "reconnect page", lang, body)
	}
}

// xAccount reads the X account handle with its credentials, and its
// credentials column as stored.
func xAccount(t *testing.T, tm *testMain, handle string) (*relais.Account, string) {
	t.Helper()
	var a *relais.Account
	var raw []byte
	require.NoError(t, tm.store.View(context.Background(), func(tx *store.Tx) error {
		as, err := tx.Accounts()
		for _, x := range as {
			if x.Platform == relais.PlatformX && x.Handle == handle {
				a = x
			}
		}
		require.NotNil(t, a, "no X account %s", handle)
		if a, err = tx.AccountWithCredentials(a.ID); err != nil {
			return err
		}
		return tx.SQL().QueryRow("SELECT credentials FROM accounts WHERE id = ?", a.ID).Scan(&raw)
	}))
	return a, string(raw)
}

// TestReconnectMastodonInPlace: a Mastodon account connected by OAuth is
// reconnected from its settings' link: the same account keeps its id and
// gets the new token, audited as a reconnection.
func TestReconnectMastodonInPlace(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	inst := newMastodonInstanceOAuth(t)
	admin := tm.signIn(t, "admin@demo.relais.fr")
	status, body := admin.post("/settings/connect/mastodon", url.Values{"base_url": {inst.srv.URL}, "owner": {"campaign"}})
	require.Equal(t, http.StatusOK, status, body)
	var id int64
	require.NoError(t, tm.store.View(context.Background(), func(tx *store.Tx) error {
		a, err := tx.AccountByHandle("annevalois@127.0.0.1")
		if err == nil {
			id = a.ID
		}
		return err
	}))
	_, body = admin.get("/settings/accounts")
	require.Contains(t, body, fmt.Sprintf(`href="/settings/connect?reconnect=%d"`, id))
	_, body = admin.get(fmt.Sprintf("/settings/connect?reconnect=%d", id))
	require.Contains(t, body, fmt.Sprintf(`value="%s"`, inst.srv.URL), "the instance is filled in")
	status, body = admin.post("/settings/connect/mastodon", url.Values{"base_url": {inst.srv.URL}, "reconnect": {fmt.Sprint(id)}})
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, "Compte reconnecté")
	last := tm.lastAudit()
	require.Equal(t, "account.update", last.Action)
	require.Contains(t, last.Detail, "reconnected")
	require.NotContains(t, last.Detail, "masto-token")
	var n int
	require.NoError(t, tm.store.View(context.Background(), func(tx *store.Tx) error {
		as, err := tx.Accounts()
		for _, a := range as {
			if a.Platform == relais.PlatformMastodon && a.Handle == "annevalois@127.0.0.1" {
				n++
			}
		}
		return err
	}))
	require.Equal(t, 1, n, "no second account")
}
