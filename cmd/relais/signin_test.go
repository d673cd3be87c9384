package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais/auth"
)

// webSession is a signed-in browser session: a session cookie and the site's origin.
type webSession struct {
	t      *testing.T
	tm     *testMain
	cookie string
}

// MustSignIn signs email in through the login form.
func MustSignIn(t *testing.T, tm *testMain, email string) *webSession {
	t.Helper()
	resp, err := noRedirect.PostForm(tm.URL+"/login", url.Values{"email": {email}, "password": {"long-enough-pw"}})
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	for _, c := range resp.Cookies() {
		if c.Name == "relais_session" {
			return &webSession{t: t, tm: tm, cookie: c.Value}
		}
	}
	t.Fatal("no session cookie")
	return nil
}

// do sends a request with the session cookie and extra headers and returns
// the status, the Location header and the body.
func (b *webSession) do(method, path, contentType, body string, headers ...string) (int, string, string) {
	b.t.Helper()
	req, err := http.NewRequest(method, b.tm.URL+path, strings.NewReader(body))
	require.NoError(b.t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if b.cookie != "" {
		req.AddCookie(&http.Cookie{Name: "relais_session", Value: b.cookie})
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := noRedirect.Do(req)
	require.NoError(b.t, err)
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(data)
}

func (b *webSession) me() int {
	status, _, _ := b.do("GET", "/api/me", "", "")
	return status
}

// dialWS opens the live websocket from origin.
func (b *webSession) dialWS(origin string) (*websocket.Conn, *http.Response, error) {
	h := http.Header{"Origin": {origin}, "Cookie": {"relais_session=" + b.cookie}}
	return websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(b.tm.URL, "http")+"/ws", h)
}

// auditEntries returns how many audit entries `relais audit verify` checked.
func (tm *testMain) auditEntries() int {
	tm.t.Helper()
	var n int
	_, err := fmt.Sscanf(tm.cli("audit", "verify"), "audit chain intact: %d entries verified", &n)
	require.NoError(tm.t, err)
	return n
}

// TestSignInSecurity covers forged sessions, cross-origin forms and
// websockets, logout, session expiry on the store clock, bearer token
// revocation and login rate limiting, over HTTP.
func TestSignInSecurity(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	cmToken := tm.member("cm@example.org", "community_manager")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	b := MustSignIn(t, tm, "cm@example.org")
	require.Equal(t, http.StatusOK, b.me())
	entries := tm.auditEntries()
	form := url.Values{"text": {"Réunion publique jeudi"}, "target": {"1"}}.Encode()
	const formType = "application/x-www-form-urlencoded"

	forged := &webSession{t: t, tm: tm, cookie: auth.NewToken()}
	status, loc, _ := forged.do("GET", "/", "", "")
	require.Equal(t, http.StatusSeeOther, status, "forged session cookie")
	require.True(t, strings.HasPrefix(loc, "/login"))
	require.Equal(t, http.StatusUnauthorized, forged.me())
	status, _, _ = forged.do("POST", "/compose", formType, form)
	require.Equal(t, http.StatusSeeOther, status)

	for _, h := range [][]string{{"Sec-Fetch-Site", "cross-site"}, {"Origin", "https://evil.example"}} {
		status, _, body := b.do("POST", "/compose", formType, form, h...)
		require.Equal(t, http.StatusForbidden, status, "cross-origin form post (%s): %s", h[0], body)
		require.Contains(t, body, "Cross-origin request refused")
		status, _, _ = b.do("POST", "/api/posts", "application/json", `{"text":"x","targets":[1]}`, h...)
		require.Equal(t, http.StatusForbidden, status, "cross-origin API call with a cookie")
		status, _, _ = b.do("POST", "/login", formType, url.Values{"email": {"cm@example.org"}, "password": {"long-enough-pw"}}.Encode(), h...)
		require.Equal(t, http.StatusForbidden, status, "cross-origin login (login CSRF)")
	}
	_, resp, err := b.dialWS("https://evil.example")
	require.Error(t, err, "cross-origin websocket")
	require.Equal(t, http.StatusForbidden, resp.StatusCode)
	conn, _, err := b.dialWS(tm.URL)
	require.NoError(t, err, "same-origin websocket")
	conn.Close()
	var list struct{ Posts []postJSON }
	require.Equal(t, http.StatusOK, tm.call(cmToken, "GET", "/api/posts", nil, &list))
	require.Empty(t, list.Posts, "refused requests wrote nothing")
	require.Equal(t, entries, tm.auditEntries(), "refused requests wrote no audit entry")

	status, _, _ = b.do("POST", "/compose", formType, form, "Sec-Fetch-Site", "same-origin")
	require.Equal(t, http.StatusSeeOther, status, "the same form from the dashboard itself works")

	status, _, _ = b.do("POST", "/logout", formType, "")
	require.Equal(t, http.StatusSeeOther, status)
	require.Equal(t, http.StatusUnauthorized, b.me(), "logged out")

	b = MustSignIn(t, tm, "cm@example.org")
	now := time.Now()
	tm.store.SetNow(func() time.Time { return now.Add(auth.SessionTTL + time.Minute).UTC() })
	require.Equal(t, http.StatusUnauthorized, b.me(), "session expired")
	tm.store.SetNow(func() time.Time { return time.Now().UTC() })

	require.Equal(t, http.StatusOK, tm.call(cmToken, "GET", "/api/me", nil, nil))
	require.Equal(t, "1 token(s) revoked", tm.cli("user", "token", "--email", "cm@example.org", "--revoke"))
	var e apiErr
	require.Equal(t, http.StatusUnauthorized, tm.call(cmToken, "GET", "/api/me", nil, &e), "revoked token")
	require.Equal(t, "unauthorized", e.Error.Code)

	for i := 0; i < 5; i++ {
		resp, err := noRedirect.PostForm(tm.URL+"/login", url.Values{"email": {"cm@example.org"}, "password": {"wrong password"}})
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	}
	resp, err = noRedirect.PostForm(tm.URL+"/login", url.Values{"email": {"cm@example.org"}, "password": {"long-enough-pw"}})
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusTooManyRequests, resp.StatusCode, "rate limited, even with the right password")
	require.Contains(t, string(body), "Trop de tentatives")
}

// cliErr runs a relais command that is expected to fail and returns its
// error.
func (tm *testMain) cliErr(args ...string) error {
	tm.t.Helper()
	args = append(args[:2:2], append([]string{"--data", tm.env.DataDir, "--database-url", tm.env.DatabaseURL}, args[2:]...)...)
	err := run(context.Background(), args, strings.NewReader(""), io.Discard, io.Discard)
	require.Error(tm.t, err, "relais %v", args)
	return err
}
