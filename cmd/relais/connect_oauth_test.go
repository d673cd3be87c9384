package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// mastodonInstanceOAuth is a Mastodon instance as documented:
// POST /api/v1/apps (docs.joinmastodon.org/methods/apps/#create),
// GET /oauth/authorize, where the member approves and is redirected to
// redirect_uri with code and state (docs.joinmastodon.org/methods/oauth/#authorize),
// POST /oauth/token (docs.joinmastodon.org/methods/oauth/#token) and
// GET /api/v1/accounts/verify_credentials (docs.joinmastodon.org/methods/accounts/#verify_credentials).
// With approve false, /oauth/authorize only records the state (the member
// has not come back yet).
type mastodonInstanceOAuth struct {
	srv     *httptest.Server
	mu      sync.Mutex
	approve bool
	states  []string
}

func newMastodonInstanceOAuth(t *testing.T) *mastodonInstanceOAuth {
	f := &mastodonInstanceOAuth{approve: true}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.Method + " " + r.URL.Path {
		case "POST /api/v1/apps":
			w.Write([]byte(`{"id":"1","name":"relais","client_id":"cid","client_secret":"csec"}`))
		case "GET /oauth/authorize":
			f.mu.Lock()
			f.states = append(f.states, r.URL.Query().Get("state"))
			approve := f.approve
			f.mu.Unlock()
			if approve {
				http.Redirect(w, r, r.URL.Query().Get("redirect_uri")+"?"+url.Values{"code": {"good"}, "state": {r.URL.Query().Get("state")}}.Encode(), http.StatusFound)
			}
		case "POST /oauth/token":
			var in map[string]string
			_ = json.NewDecoder(r.Body).Decode(&in)
			if in["code"] != "good" || in["client_secret"] != "csec" {
				w.WriteHeader(http.StatusBadRequest)
				w.Write([]byte(`{"error":"invalid_grant"}`))
				return
			}
			w.Write([]byte(`{"access_token":"masto-token","token_type":"Bearer","scope":"read:accounts write:statuses write:media"}`))
		case "GET /api/v1/accounts/verify_credentials":
			w.Write([]byte(`{"id":"7","username":"annevalois","acct":"annevalois"}`))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(f.srv.Close)
	return f
}

// TestConnectMastodonByOAuth: an admin connects a Mastodon account from
// Settings › Accounts › Connect (app registered, authorized, token
// exchanged, account read); a callback is refused when its state was
// issued to another session (and the state is then burnt), and replaying a
// used state is refused.
func TestConnectMastodonByOAuth(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	inst := newMastodonInstanceOAuth(t)
	admin := tm.signIn(t, "admin@demo.relais.fr")
	web := tm.signIn(t, "web@demo.relais.fr")

	status, body := admin.post("/settings/connect/mastodon", url.Values{"base_url": {inst.srv.URL}, "owner": {"campaign"}})
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, "Compte vérifié et connecté.")
	_, body = admin.get("/settings/accounts")
	require.Contains(t, body, "annevalois@127.0.0.1")

	status, body = admin.get("/settings/connect/mastodon/callback?" + url.Values{"code": {"good"}, "state": {inst.states[0]}}.Encode())
	require.Equal(t, http.StatusBadRequest, status, "a used state is refused")
	require.Contains(t, body, "Ce lien de connexion a expiré")

	inst.mu.Lock()
	inst.approve = false
	inst.mu.Unlock()
	status, _ = admin.post("/settings/connect/mastodon", url.Values{"base_url": {inst.srv.URL}, "owner": {"campaign"}})
	require.Equal(t, http.StatusOK, status)
	forged := "/settings/connect/mastodon/callback?" + url.Values{"code": {"good"}, "state": {inst.states[1]}}.Encode()
	status, body = web.get(forged + "&lang=en")
	require.Equal(t, http.StatusBadRequest, status, "another member's session cannot finish the admin's flow")
	require.Contains(t, body, "This connection link has expired or was not started from this session")
	status, _ = admin.get(forged)
	require.Equal(t, http.StatusBadRequest, status, "the state was burnt by the forged attempt")

	// The page and a form error, each in one language; the typed handle is kept.
	for _, lang := range []string{"fr", "en"} {
		status, body = admin.get("/settings/connect?lang=" + lang)
		require.Equal(t, http.StatusOK, status)
		requirePure(t, "connect page", lang, body)
		status, body = admin.post("/settings/connect/telegram", url.Values{"handle": {"@canal_anne"}, "owner": {"campaign"}})
		require.Equal(t, http.StatusBadRequest, status)
		requirePure(t, "connect form error", lang, body)
		require.Contains(t, body, `value="@canal_anne"`)
		require.Contains(t, between(body, `id="connect-telegram"`, "</section>"), `id="connect-error"`, "the error sits in its form")
	}
	status, _ = tm.signIn(t, "cm@demo.relais.fr").get("/settings/connect")
	require.Equal(t, http.StatusForbidden, status, "a community manager does not manage accounts")
}
