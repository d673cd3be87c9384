package main

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/ui"
)

// TestRoleMatrix calls every authenticated route as every role and as an
// anonymous visitor and checks the answer against the policy: the route's
// action (ui.RouteAction) allowed or not by policy.Allowed for a member of
// that role on the fixture's object. A route without a row in roleMatrix
// (roles_matrix_test.go) or without an action fails the test, and so does
// a row whose route no longer exists.
func TestRoleMatrix(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	f := newFixture(t, tm)
	patterns := tm.http.Handler.(*ui.Server).Patterns()
	var missing []string
	for _, p := range patterns {
		if _, ok := roleMatrix[p]; !ok {
			missing = append(missing, p)
		}
	}
	require.Empty(t, missing, "routes without a row in roleMatrix (cmd/relais/roles_matrix_test.go): add one per route, saying how to call it")
	require.Empty(t, withoutAction(patterns), "routes without a policy action in ui/routes_policy.go")
	var stale []string
	for p := range roleMatrix {
		if !contains(patterns, p) {
			stale = append(stale, p)
		}
	}
	sort.Strings(stale)
	require.Empty(t, stale, "roleMatrix rows for routes that do not exist")
	for _, p := range patterns {
		e := roleMatrix[p]
		for _, role := range append([]string{""}, everyone...) {
			f.check(t, p, e, role)
		}
	}
}

// withoutAction returns the patterns that name no policy action.
func withoutAction(patterns []string) []string {
	var out []string
	for _, p := range patterns {
		if _, ok := ui.RouteAction(p); !ok {
			out = append(out, p)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// fixture holds one signed-in member per role and builds the objects the
// calls act on: posts by a separate author, so that nobody tested is the
// author.
type fixture struct {
	t        *testing.T
	tm       *testMain
	tokens   map[string]string
	cookies  map[string]string
	author   string
	authorID int64
	ids      map[string]int64 // each role's member
	campaign int64
	n        int
	sandbox  string
}

func newFixture(t *testing.T, tm *testMain) *fixture {
	f := &fixture{t: t, tm: tm, tokens: map[string]string{}, cookies: map[string]string{}, ids: map[string]int64{}}
	for _, role := range everyone {
		f.tokens[role] = tm.member(role+"@example.org", role)
		f.login(role)
	}
	for _, role := range everyone {
		f.ids[role] = tm.memberID(f.tokens["admin"], role+"@example.org")
	}
	f.author = tm.member("author@example.org", "community_manager")
	f.authorID = tm.memberID(f.tokens["admin"], "author@example.org")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "anne", "--owner", "candidate")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "col11", "--owner", "colistier:colistier@example.org")
	var out struct {
		Accounts []struct {
			ID     int64
			Handle string
		}
	}
	require.Equal(t, http.StatusOK, tm.call(f.tokens["admin"], "GET", "/api/accounts", nil, &out))
	for _, a := range out.Accounts {
		if a.Handle == "avecanne" {
			f.campaign = a.ID
		}
	}
	require.NotZero(t, f.campaign)
	return f
}

// login opens a browser session for role.
func (f *fixture) login(role string) {
	f.t.Helper()
	form := url.Values{"email": {role + "@example.org"}, "password": {"long-enough-pw"}}
	resp, err := noRedirect.PostForm(f.tm.URL+"/login", form)
	require.NoError(f.t, err)
	resp.Body.Close()
	require.Equal(f.t, http.StatusSeeOther, resp.StatusCode)
	for _, c := range resp.Cookies() {
		if c.Name == "relais_session" {
			f.cookies[role] = c.Value
		}
	}
	require.NotEmpty(f.t, f.cookies[role])
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func (f *fixture) next() int { f.n++; return f.n }

func (f *fixture) postPath(id int64, suffix string) string {
	return fmt.Sprintf("/api/posts/%d%s", id, suffix)
}

// draft creates a draft by the author on the campaign account, in 3 hours.
func (f *fixture) draft() int64 {
	f.t.Helper()
	var p postJSON
	body := fmt.Sprintf(`{"text":"Réunion publique n°%d jeudi","targets":[%d],"scheduled_at":"%s"}`, f.next(), f.campaign, inHours(3))
	require.Equal(f.t, http.StatusCreated, f.tm.call(f.author, "POST", "/api/posts", body, &p))
	return p.ID
}

// inReview creates a routine post in review (an editor's decision).
func (f *fixture) inReview() (int64, string) {
	f.t.Helper()
	var p postJSON
	require.Equal(f.t, http.StatusOK, f.tm.call(f.author, "POST", fmt.Sprintf("/api/posts/%d/submit", f.draft()), nil, &p))
	return p.ID, p.ContentHash
}

// sandboxEntry publishes one post through the sandbox, once.
func (f *fixture) sandboxEntry() string {
	f.t.Helper()
	if f.sandbox == "" {
		var p postJSON
		body := fmt.Sprintf(`{"text":"Merci aux bénévoles","targets":[%d]}`, f.campaign)
		require.Equal(f.t, http.StatusCreated, f.tm.call(f.author, "POST", "/api/posts", body, &p))
		require.Equal(f.t, http.StatusOK, f.tm.call(f.author, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
		require.Equal(f.t, http.StatusOK, f.tm.call(f.tokens["editor"], "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID),
			map[string]any{"content_hash": p.ContentHash}, &p))
		waitState(f.t, f.tm, f.tokens["editor"], p.ID, "published")
		f.sandbox = f.tm.sandbox.Entries()[0].ID
	}
	return f.sandbox
}

// allowed says whether the policy lets role use pattern, on the object
// the calls act on: a post by the fixture's author, who is none of the
// roles tested.
func (f *fixture) allowed(pattern, role string) bool {
	f.t.Helper()
	a, ok := ui.RouteAction(pattern)
	require.True(f.t, ok, "%s has no policy action", pattern)
	m := &relais.Member{ID: f.ids[role], Role: relais.Role(role)}
	return policy.Allowed(m, a, policy.Object{AuthorID: f.authorID}).Allowed
}

// check calls pattern as role ("" for anonymous) and checks the answer.
func (f *fixture) check(t *testing.T, pattern string, e matrixEntry, role string) {
	t.Helper()
	method, path, _ := strings.Cut(pattern, " ")
	c := matrixCall{path: strings.ReplaceAll(path, "{$}", "")}
	if e.call != nil {
		c = e.call(f)
	}
	what := fmt.Sprintf("%s as %q", pattern, role)
	if e.ws {
		f.checkWS(t, c.path, role, what, role == "" || !f.allowed(pattern, role))
		return
	}
	status, loc, body := f.do(method, c, role)
	isPage := !strings.HasPrefix(c.path, "/api/")
	switch {
	case role == "" && isPage:
		require.Equal(t, http.StatusSeeOther, status, what)
		require.True(t, strings.HasPrefix(loc, "/login"), "%s: redirected to %q", what, loc)
	case role == "":
		require.Equal(t, http.StatusUnauthorized, status, "%s: %s", what, body)
	case !f.allowed(pattern, role):
		require.Contains(t, []int{http.StatusForbidden, http.StatusNotFound}, status, "%s must be refused: %s", what, body)
	case e.loose:
		require.NotContains(t, []int{http.StatusUnauthorized, http.StatusForbidden}, status, "%s must pass the role check: %s", what, body)
	default:
		require.Less(t, status, 400, "%s must be allowed: %s", what, body)
		if pattern != "POST /logout" {
			require.False(t, strings.HasPrefix(loc, "/login"), "%s: sent to sign in", what)
		}
	}
	if pattern == "POST /logout" && role != "" {
		f.login(role) // the call ended the session
	}
}

// do sends c with role's bearer token (API) or session cookie (pages) and
// returns the first 2 KiB of the answer.
func (f *fixture) do(method string, c matrixCall, role string) (status int, location, body string) {
	f.t.Helper()
	status, location, body = f.doFull(method, c, role)
	return status, location, body[:min(len(body), 2048)]
}

// doFull is do with the whole body.
func (f *fixture) doFull(method string, c matrixCall, role string) (status int, location, body string) {
	f.t.Helper()
	var r io.Reader
	if c.body != "" {
		r = strings.NewReader(c.body)
	}
	req, err := http.NewRequest(method, f.tm.URL+c.path, r)
	require.NoError(f.t, err)
	if strings.HasPrefix(c.path, "/api/") {
		req.Header.Set("Content-Type", "application/json")
		if role != "" {
			req.Header.Set("Authorization", "Bearer "+f.tokens[role])
		}
	} else {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if role != "" {
			req.AddCookie(&http.Cookie{Name: "relais_session", Value: f.cookies[role]})
		}
	}
	resp, err := noRedirect.Do(req)
	require.NoError(f.t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, resp.Header.Get("Location"), string(b)
}

// checkWS dials the websocket with role's session cookie from the
// dashboard's own origin.
func (f *fixture) checkWS(t *testing.T, path, role, what string, refused bool) {
	t.Helper()
	h := http.Header{"Origin": {f.tm.URL}}
	if role != "" {
		h.Set("Cookie", "relais_session="+f.cookies[role])
	}
	conn, resp, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(f.tm.URL, "http")+path, h)
	if !refused {
		require.NoError(t, err, what)
		conn.Close()
		return
	}
	require.Error(t, err, what)
	want := http.StatusForbidden
	if role == "" {
		want = http.StatusUnauthorized
	}
	require.Equal(t, want, resp.StatusCode, what)
}

// TestRolePostPageSaysWhyNoDecision checks the post page shows a post in
// review without decision buttons to a member the policy refuses, with
// the policy's reason, and the buttons to one it allows.
func TestRolePostPageSaysWhyNoDecision(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	f := newFixture(t, tm)
	id, _ := f.inReview()
	page := fmt.Sprintf("/posts/%d", id)
	status, _, body := f.doFull("GET", matrixCall{path: page}, "community_manager")
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, body, `id="decide-why"`)
	require.Contains(t, body, "Votre rôle ne permet pas de valider.")
	status, _, body = f.doFull("GET", matrixCall{path: page}, "editor")
	require.Equal(t, http.StatusOK, status)
	require.NotContains(t, body, `id="decide-why"`)
	require.Contains(t, body, `value="approve"`)
}
