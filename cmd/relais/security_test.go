package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// mustRunMainWith is MustRunMain with fields of Main set before it runs.
func mustRunMainWith(t *testing.T, dialect string, set func(m *Main)) *testMain {
	t.Helper()
	m := NewMain(io.Discard, io.Discard)
	m.env.DataDir = t.TempDir()
	if dialect == store.DialectPostgres {
		m.env.DatabaseURL = storetest.NewPostgresDB(t)
	}
	m.Addr, m.PollEvery, m.Rescue = "127.0.0.1:0", testPoll, 5*time.Second
	set(m)
	require.NoError(t, m.Run(context.Background()))
	t.Cleanup(func() { require.NoError(t, m.Close()) })
	return &testMain{Main: m, t: t, URL: "http://" + m.ListenAddr()}
}

// requireClosed fails unless the server closes conn within limit.
func requireClosed(t *testing.T, conn *websocket.Conn, limit time.Duration, why string) {
	t.Helper()
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(limit)))
	for {
		if _, _, err := conn.ReadMessage(); err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatalf("%s: the websocket is still open after %s", why, limit)
			}
			return
		}
	}
}

// memberID returns the id of the member with this e-mail.
func (tm *testMain) memberID(token, email string) int64 {
	tm.t.Helper()
	var out struct{ Members []relais.Member }
	require.Equal(tm.t, http.StatusOK, tm.call(token, "GET", "/api/members", nil, &out))
	for _, m := range out.Members {
		if m.Email == email {
			return m.ID
		}
	}
	tm.t.Fatalf("no member %s", email)
	return 0
}

// TestAdminDisableEndsEverythingAtOnce (issue 11 items 6 and 7): an admin
// disabling a member from the API closes her websockets (token and
// session) at once, voids her sessions and tokens, refuses her password,
// and audits it.
func TestAdminDisableEndsEverythingAtOnce(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	admin := tm.member("admin@example.org", "admin")
	cm := tm.member("cm@example.org", "community_manager")
	web := MustSignIn(t, tm, "cm@example.org")
	byToken, _, err := tm.dialWS(cm, tm.URL)
	require.NoError(t, err)
	defer byToken.Close()
	bySession, _, err := web.dialWS(tm.URL)
	require.NoError(t, err)
	defer bySession.Close()
	id := tm.memberID(admin, "cm@example.org")

	var e apiErr
	require.Equal(t, http.StatusForbidden, tm.call(cm, "POST", fmt.Sprintf("/api/members/%d/disable", id), nil, &e),
		"only an admin disables members")
	var m relais.Member
	require.Equal(t, http.StatusOK, tm.call(admin, "POST", fmt.Sprintf("/api/members/%d/disable", id), nil, &m))
	require.NotNil(t, m.DisabledAt)
	requireClosed(t, byToken, 3*time.Second, "token websocket after disable")
	requireClosed(t, bySession, 3*time.Second, "session websocket after disable")
	require.Equal(t, http.StatusUnauthorized, tm.call(cm, "GET", "/api/me", nil, nil), "token void")
	require.Equal(t, http.StatusUnauthorized, web.me(), "session void")
	resp, err := noRedirect.PostForm(tm.URL+"/login", url.Values{"email": {"cm@example.org"}, "password": {"long-enough-pw"}})
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode, "a disabled member cannot sign in")
	require.Contains(t, tm.auditExport(), "member.disable")
	require.Contains(t, tm.cli("audit", "verify"), "audit chain intact")
}

// TestUserCommandsOffboard (issue 11 items 6 and 7): `relais user role`,
// `relais user password --password-file` and `relais user disable` change
// the member through the same service, report success after commit, and
// close her websockets: at once through the relay on PostgreSQL, within
// the session re-check on SQLite.
func TestUserCommandsOffboard(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		tm := mustRunMainWith(t, dialect, func(m *Main) {
			if dialect == store.DialectSQLite {
				m.WSRecheck = 200 * time.Millisecond
			}
		})
		cm := tm.member("cm@example.org", "community_manager")
		conn, _, err := tm.dialWS(cm, tm.URL)
		require.NoError(t, err)
		defer conn.Close()
		require.Equal(t, "member cm@example.org: role is now editor", tm.cli("user", "role", "--email", "cm@example.org", "--role", "editor"))
		requireClosed(t, conn, 3*time.Second, "websocket after a role change")
		var me relais.Member
		require.Equal(t, http.StatusOK, tm.call(cm, "GET", "/api/me", nil, &me))
		require.Equal(t, relais.RoleEditor, me.Role)

		pw := filepath.Join(t.TempDir(), "pw")
		require.NoError(t, os.WriteFile(pw, []byte("a-new-long-password\n"), 0o600))
		require.Contains(t, tm.cli("user", "password", "--email", "cm@example.org", "--password-file", pw), "password changed")
		resp, err := noRedirect.PostForm(tm.URL+"/login", url.Values{"email": {"cm@example.org"}, "password": {"a-new-long-password"}})
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, http.StatusSeeOther, resp.StatusCode, "the new password signs in")

		conn2, _, err := tm.dialWS(cm, tm.URL)
		require.NoError(t, err)
		defer conn2.Close()
		require.Contains(t, tm.cli("user", "disable", "--email", "cm@example.org"), "disabled")
		requireClosed(t, conn2, 3*time.Second, "websocket after disable")
		require.Equal(t, http.StatusUnauthorized, tm.call(cm, "GET", "/api/me", nil, nil))
		err = tm.cliErr("user", "role", "--email", "cm@example.org", "--role", "boss")
		require.Equal(t, "role", relais.ErrorField(err))
		export := tm.auditExport()
		for _, a := range []string{"member.role", "member.password", "member.disable"} {
			require.Contains(t, export, a)
		}
	})
}

// TestRevokedTokenClosesItsWebsocket (issue 11 item 6): a websocket opened
// with a bearer token stops receiving drafts once the token is revoked
// from the command line (the socket re-checks its session).
func TestRevokedTokenClosesItsWebsocket(t *testing.T) {
	t.Parallel()
	tm := mustRunMainWith(t, "sqlite", func(m *Main) { m.WSRecheck = 200 * time.Millisecond })
	editor := tm.member("web@example.org", "editor")
	conn, _, err := tm.dialWS(editor, tm.URL)
	require.NoError(t, err)
	defer conn.Close()
	require.Equal(t, "1 token(s) revoked", tm.cli("user", "token", "--email", "web@example.org", "--revoke"))
	requireClosed(t, conn, 3*time.Second, "websocket after token revocation")
}

// TestLogoutClosesTheSessionsWebsocket (issue 11 item 6): signing out
// closes the websockets that session opened, at once.
func TestLogoutClosesTheSessionsWebsocket(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	tm.member("cm@example.org", "community_manager")
	web := MustSignIn(t, tm, "cm@example.org")
	conn, _, err := web.dialWS(tm.URL)
	require.NoError(t, err)
	defer conn.Close()
	status, _, _ := web.do("POST", "/logout", "application/x-www-form-urlencoded", "")
	require.Equal(t, http.StatusSeeOther, status)
	requireClosed(t, conn, 3*time.Second, "websocket after logout")
}

// TestWebsocketsPerMemberCapped (issue 11 item 8): one member holds at
// most 20 websockets; the 21st is refused with 429.
func TestWebsocketsPerMemberCapped(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	editor := tm.member("web@example.org", "editor")
	for range 20 {
		c, _, err := tm.dialWS(editor, tm.URL)
		require.NoError(t, err)
		defer c.Close()
	}
	_, resp, err := tm.dialWS(editor, tm.URL)
	require.Error(t, err)
	require.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
	other := tm.member("cm@example.org", "community_manager")
	c, _, err := tm.dialWS(other, tm.URL)
	require.NoError(t, err, "another member is not affected")
	c.Close()
}

// TestPresenceOnlyForStaffAndVisiblePosts (issue 11 item 9): colistiers get
// no presence events, and presence on a post the sender may not see is not
// relayed.
func TestPresenceOnlyForStaffAndVisiblePosts(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	editor := tm.member("web@example.org", "editor")
	cm := tm.member("cm@example.org", "community_manager")
	col := tm.member("col@example.org", "colistier")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	var p postJSON
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", `{"text":"Réunion publique","targets":["@avecanne"]}`, &p))
	watch, _, err := tm.dialWS(editor, tm.URL)
	require.NoError(t, err)
	defer watch.Close()
	colConn, _, err := tm.dialWS(col, tm.URL)
	require.NoError(t, err)
	defer colConn.Close()
	sender, _, err := tm.dialWS(cm, tm.URL)
	require.NoError(t, err)
	defer sender.Close()
	require.NoError(t, sender.WriteJSON(map[string]any{"type": "presence", "post_id": 999999}))
	time.Sleep(300 * time.Millisecond)
	require.NoError(t, sender.WriteJSON(map[string]any{"type": "presence", "post_id": p.ID}))
	e := nextEvent(t, watch, relais.EventPresence)
	require.Equal(t, p.ID, e.PostID, "presence on a post nobody may see is not relayed")
	require.NoError(t, colConn.SetReadDeadline(time.Now().Add(time.Second)))
	for {
		var ev relais.Event
		if colConn.ReadJSON(&ev) != nil {
			break
		}
		require.NotEqual(t, relais.EventPresence, ev.Type, "colistiers get no staff presence")
	}
}

// auditExport returns the audit log of the last and next day, as the CLI
// exports it.
func (tm *testMain) auditExport() string {
	day := func(d int) string { return time.Now().AddDate(0, 0, d).Format("2006-01-02") }
	return tm.cli("audit", "export", "--from", day(-1), "--to", day(1))
}

// freshMember adds a member for the role matrix to act on and returns its
// id.
func (f *fixture) freshMember() int64 {
	f.t.Helper()
	email := fmt.Sprintf("fresh%d@example.org", f.next())
	f.tm.cli("user", "add", "--email", email, "--name", "Fresh", "--role", "community_manager")
	return f.tm.memberID(f.tokens["admin"], email)
}

// TestMetricsNeedTokenOrOwnAddress (issue 11 item 8): /metrics answers only
// a caller presenting RELAIS_METRICS_TOKEN, or on --metrics-addr alone.
func TestMetricsNeedTokenOrOwnAddress(t *testing.T) {
	t.Parallel()
	get := func(url, token string) (int, string) {
		req, err := http.NewRequest("GET", url, nil)
		require.NoError(t, err)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	tm := mustRunMainWith(t, "sqlite", func(m *Main) { m.MetricsToken = "metrics-secret" })
	status, _ := get(tm.URL+"/metrics", "")
	require.Equal(t, http.StatusUnauthorized, status)
	status, _ = get(tm.URL+"/metrics", "wrong")
	require.Equal(t, http.StatusUnauthorized, status)
	status, body := get(tm.URL+"/metrics", "metrics-secret")
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, body, "relais_websocket_clients")

	sep := mustRunMainWith(t, "sqlite", func(m *Main) { m.MetricsAddr = "127.0.0.1:0" })
	status, _ = get(sep.URL+"/metrics", "")
	require.Equal(t, http.StatusNotFound, status, "not on the main address")
	status, body = get("http://"+sep.metricsAddr+"/metrics", "")
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, body, "relais_events_total")
}

// TestSlowRequestBodyIsCut (issue 11 item 8): a client that sends headers
// and then trickles nothing of its body is cut off at the read timeout
// instead of holding a handler forever.
func TestSlowRequestBodyIsCut(t *testing.T) {
	t.Parallel()
	tm := mustRunMainWith(t, "sqlite", func(m *Main) { m.ReadTimeout = 300 * time.Millisecond })
	conn, err := net.Dial("tcp", strings.TrimPrefix(tm.URL, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	_, err = fmt.Fprintf(conn, "POST /login HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\n"+
		"Content-Length: 100000\r\n\r\nemail=", strings.TrimPrefix(tm.URL, "http://"))
	require.NoError(t, err)
	start := time.Now()
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(5*time.Second)))
	_, err = io.ReadAll(conn)
	var ne net.Error
	require.False(t, errors.As(err, &ne) && ne.Timeout(), "the server still waits for the body after 5 s")
	require.Less(t, time.Since(start), 4*time.Second)
}

// TestICSLinksUseBaseURL (issue 11 item 13): the calendar feed's links use
// RELAIS_BASE_URL, never a client's forged X-Forwarded-Proto or Host.
func TestICSLinksUseBaseURL(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	cm := tm.member("cm@example.org", "community_manager")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	at := time.Now().Add(48 * time.Hour).UTC().Truncate(time.Minute)
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", map[string]any{
		"text": "Réunion publique", "targets": []string{"@avecanne"}, "scheduled_at": at.Format(time.RFC3339)}, nil))
	feed := tm.cli("user", "token", "--calendar", "--email", "cm@example.org")
	req, err := http.NewRequest("GET", tm.URL+"/calendar.ics?token="+url.QueryEscape(feed), nil)
	require.NoError(t, err)
	req.Header.Set("X-Forwarded-Proto", "https")
	req.Host = "evil.example"
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	body := strings.ReplaceAll(string(b), "\r\n ", "")
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	require.Contains(t, body, "URL:"+tm.BaseURL+"/posts/")
	require.NotContains(t, body, "https://")
	require.NotContains(t, body, "evil.example")
}

// TestInvalidSMTPPortRefusedAtStart (issue 11 item 13): an SMTP port that
// is not a number is an error at start, naming the variable.
func TestInvalidSMTPPortRefusedAtStart(t *testing.T) {
	t.Setenv("RELAIS_SMTP_PORT", "not-a-port")
	m := NewMain(io.Discard, io.Discard)
	m.env.DataDir, m.Addr = t.TempDir(), "127.0.0.1:0"
	err := m.Run(context.Background())
	require.ErrorContains(t, err, "RELAIS_SMTP_PORT")
	require.NoError(t, m.Close())
}

// TestShutdownClosesWebsockets (issue 11 item 13): Close ends open
// websockets (which HTTP shutdown alone leaves open) before the database
// closes.
func TestShutdownClosesWebsockets(t *testing.T) {
	t.Parallel()
	m := NewMain(io.Discard, io.Discard)
	m.env.DataDir, m.Addr, m.PollEvery = t.TempDir(), "127.0.0.1:0", testPoll
	require.NoError(t, m.Run(context.Background()))
	tm := &testMain{Main: m, t: t, URL: "http://" + m.ListenAddr()}
	editor := tm.member("web@example.org", "editor")
	conn, _, err := tm.dialWS(editor, tm.URL)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, m.Close())
	requireClosed(t, conn, 3*time.Second, "websocket after shutdown")
}

// TestDisableClosesSocketsOnOtherReplicas (issue 11 item 6): disabling a
// member through one replica closes her websocket on another at once,
// through the relay (the re-check is far longer than the wait here).
func TestDisableClosesSocketsOnOtherReplicas(t *testing.T) {
	t.Parallel()
	a := MustRunMain(t, store.DialectPostgres)
	b := mustRunReplica(t, a)
	admin := a.member("admin@example.org", "admin")
	cm := a.member("cm@example.org", "community_manager")
	conn, _, err := b.dialWS(cm, b.URL)
	require.NoError(t, err)
	defer conn.Close()
	time.Sleep(300 * time.Millisecond) // both replicas are listening
	id := a.memberID(admin, "cm@example.org")
	require.Equal(t, http.StatusOK, a.call(admin, "POST", fmt.Sprintf("/api/members/%d/disable", id), nil, nil))
	requireClosed(t, conn, 3*time.Second, "websocket on the other replica after disable")
}

// TestSettingsMemberFormsAndPasswordPrompt (issue 11 item 7): an admin's
// settings page offers each member's role, password and disable form
// (others get none, and are refused), the form changes the role, and
// `relais user password` reads the new password from standard input.
func TestSettingsMemberFormsAndPasswordPrompt(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	admin := tm.member("admin@example.org", "admin")
	tm.member("web@example.org", "editor")
	cm := tm.member("cm@example.org", "community_manager")
	id := tm.memberID(admin, "cm@example.org")
	action := fmt.Sprintf(`action="/settings/members/%d"`, id)
	a, web := MustSignIn(t, tm, "admin@example.org"), MustSignIn(t, tm, "web@example.org")
	_, _, page := a.do("GET", "/settings/members", "", "")
	require.Contains(t, page, action)
	_, _, page = web.do("GET", "/settings/members", "", "")
	require.NotContains(t, page, action, "only admins manage members")
	form := url.Values{"action": {"role"}, "role": {"editor"}}.Encode()
	status, _, _ := web.do("POST", fmt.Sprintf("/settings/members/%d", id), "application/x-www-form-urlencoded", form, "Sec-Fetch-Site", "same-origin")
	require.Equal(t, http.StatusForbidden, status)
	status, loc, _ := a.do("POST", fmt.Sprintf("/settings/members/%d", id), "application/x-www-form-urlencoded", form, "Sec-Fetch-Site", "same-origin")
	require.Equal(t, http.StatusSeeOther, status)
	require.Equal(t, "/settings/members?ok=member", loc)
	var me relais.Member
	require.Equal(t, http.StatusOK, tm.call(cm, "GET", "/api/me", nil, &me))
	require.Equal(t, relais.RoleEditor, me.Role)

	var out, errb strings.Builder
	err := run(context.Background(), []string{"user", "password", "--data", tm.env.DataDir, "--database-url", tm.env.DatabaseURL,
		"--email", "cm@example.org"}, strings.NewReader("typed-at-the-prompt\n"), &out, &errb)
	require.NoError(t, err, errb.String())
	require.Contains(t, errb.String(), "New password")
	resp, err := noRedirect.PostForm(tm.URL+"/login", url.Values{"email": {"cm@example.org"}, "password": {"typed-at-the-prompt"}})
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
}

// TestPostPageHistoryPaginates (issue 11 item 1): a post's page shows its
// history a page at a time, with a link to the next page.
func TestPostPageHistoryPaginates(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	cm := tm.member("cm@example.org", "community_manager")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	var p postJSON
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", `{"text":"Réunion publique","targets":["@avecanne"]}`, &p))
	require.NoError(t, tm.store.Update(context.Background(), func(tx *store.Tx) error {
		for i := range 250 {
			if err := tx.AppendAudit(&relais.AuditEntry{Actor: "cm", Action: "post.comment", PostID: p.ID,
				Detail: fmt.Sprintf("note-%03d", i)}); err != nil {
				return err
			}
		}
		return nil
	}))
	web := MustSignIn(t, tm, "cm@example.org")
	status, _, page := web.do("GET", fmt.Sprintf("/posts/%d", p.ID), "", "")
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, page, `class="history-next"`)
	require.NotContains(t, page, "note-249", "the last entries are on the next page")
	var v struct {
		HistoryNext int64 `json:"history_next"`
	}
	require.Equal(t, http.StatusOK, tm.call(cm, "GET", fmt.Sprintf("/api/posts/%d", p.ID), nil, &v))
	require.NotZero(t, v.HistoryNext)
	status, _, page = web.do("GET", fmt.Sprintf("/posts/%d?history_after=%d", p.ID, v.HistoryNext), "", "")
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, page, "note-249")
	require.NotContains(t, page, `class="history-next"`)
}
