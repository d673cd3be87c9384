package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/store/storetest"
)

type postJSON struct {
	ID          int64  `json:"id"`
	State       string `json:"state"`
	ContentHash string `json:"content_hash"`
	Tone        *struct {
		Verdict string `json:"verdict"`
	} `json:"tone"`
	Routing struct {
		Approver string   `json:"approver"`
		Reasons  []string `json:"reasons"`
	} `json:"routing"`
	Deliveries []struct {
		AccountID int64  `json:"account_id"`
		State     string `json:"state"`
		URL       string `json:"url"`
	} `json:"deliveries"`
	Previews []struct {
		Platform string `json:"platform"`
		Handle   string `json:"handle"`
		Text     string `json:"text"`
		Length   int    `json:"length"`
		Limit    int    `json:"limit"`
	} `json:"previews"`
}

type apiErr struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Field   string `json:"field"`
	} `json:"error"`
}

// TestWalkingSkeleton drafts, submits, approves and publishes a post over
// HTTP on SQLite and PostgreSQL, through the sandbox connector.
func TestWalkingSkeleton(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		tm := MustRunMain(t, dialect)
		cm := tm.member("cm@example.org", "community_manager")
		editor := tm.member("web@example.org", "editor")
		tm.cli("user", "add", "--email", "anne@example.org", "--name", "Anne", "--role", "candidate")
		tm.cli("account", "add", "--platform", "x", "--handle", "anne", "--owner", "candidate", "--base-url", "sandbox:")
		tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")

		var p postJSON
		require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts",
			`{"text":"Ce matin au marché d'Aligre : merci pour vos questions !","targets":["x:anne","@avecanne"]}`, &p))
		require.Equal(t, "draft", p.State)
		require.Equal(t, http.StatusOK, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
		require.Equal(t, "in_review", p.State)
		require.Equal(t, "ok", p.Tone.Verdict)
		require.Equal(t, "editor", p.Routing.Approver)
		require.Len(t, p.Previews, 2, "the approver sees the post as each account will publish it")
		require.Equal(t, "x", p.Previews[0].Platform)
		require.Equal(t, 280, p.Previews[0].Limit)
		require.Equal(t, 56, p.Previews[0].Length)

		var e apiErr
		require.Equal(t, http.StatusForbidden, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID),
			map[string]any{"content_hash": p.ContentHash}, &e), "nobody approves their own post")
		require.Equal(t, http.StatusConflict, tm.call(editor, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID),
			map[string]any{"content_hash": strings.Repeat("0", 64)}, &e))
		require.Equal(t, "content_hash", e.Error.Field)

		require.Equal(t, http.StatusOK, tm.call(editor, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID),
			map[string]any{"content_hash": p.ContentHash, "comment": "ok"}, &p))
		p = waitState(t, tm, editor, p.ID, "published")
		require.Len(t, p.Deliveries, 2)
		for _, d := range p.Deliveries {
			require.Equal(t, "published", d.State)
			require.True(t, strings.HasPrefix(d.URL, tm.URL+"/sandbox/"), d.URL)
		}
		require.Contains(t, tm.cli("audit", "verify"), "audit chain intact")
		require.Len(t, tm.sandboxTexts(), 2)
	})
}

// waitState polls a post until it reaches state (or fails after 20 s).
func waitState(t *testing.T, tm *testMain, token string, id int64, state string) postJSON {
	t.Helper()
	var p postJSON
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		p = postJSON{}
		require.Equal(t, http.StatusOK, tm.call(token, "GET", fmt.Sprintf("/api/posts/%d", id), nil, &p))
		if p.State == state {
			return p
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("post %d stayed %s, want %s", id, p.State, state)
	return p
}

// sandboxTexts returns what the sandbox connector recorded.
func (tm *testMain) sandboxTexts() []string {
	var out []string
	for _, e := range tm.sandbox.Entries() {
		out = append(out, e.Text)
	}
	return out
}
