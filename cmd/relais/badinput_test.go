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

// TestBadInputWritesNothing sends every kind of bad request and checks the
// coded 4xx answer and that no post or audit entry was written.
func TestBadInputWritesNothing(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		tm := MustRunMain(t, dialect)
		cm := tm.member("cm@example.org", "community_manager")
		candidate := tm.member("anne@example.org", "candidate")
		colistier := tm.member("col@example.org", "colistier")
		tm.cli("account", "add", "--platform", "sandbox", "--handle", "anne", "--owner", "candidate")
		tm.cli("account", "add", "--platform", "sandbox", "--handle", "col11", "--owner", "colistier:col@example.org")
		past := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
		cases := []struct {
			name, token, body string
			status            int
			code, field       string
		}{
			{"empty text", cm, `{"text":"  ","targets":["@anne"]}`, 400, "invalid", "text"},
			{"no targets", cm, `{"text":"Bonjour"}`, 400, "invalid", "targets"},
			{"unknown account", cm, `{"text":"Bonjour","targets":["@nobody"]}`, 400, "invalid", "targets"},
			{"unknown account id", cm, `{"text":"Bonjour","targets":[999]}`, 400, "invalid", "targets"},
			{"foreign account", candidate, `{"text":"Bonjour","targets":["@col11"]}`, 400, "invalid", "targets"},
			{"past schedule", cm, `{"text":"Bonjour","targets":["@anne"],"scheduled_at":"` + past + `"}`, 400, "invalid", "scheduled_at"},
			{"bad time", cm, `{"text":"Bonjour","targets":["@anne"],"scheduled_at":"demain"}`, 400, "invalid", "scheduled_at"},
			{"malformed JSON", cm, `{"text":"Bonjour",`, 400, "invalid", ""},
			{"wrong type", cm, `{"text":42,"targets":["@anne"]}`, 400, "invalid", "text"},
			{"unknown field", cm, `{"txt":"Bonjour","targets":["@anne"]}`, 400, "invalid", "txt"},
			{"empty body", cm, ``, 400, "invalid", ""},
			{"body over 1 MiB", cm, `{"text":"` + strings.Repeat("a", 1<<20) + `","targets":["@anne"]}`, 413, "too_large", ""},
			{"role without the right", colistier, `{"text":"Bonjour","targets":["@col11"]}`, 403, "forbidden", ""},
			{"no token", "", `{"text":"Bonjour","targets":["@anne"]}`, 401, "unauthorized", ""},
			{"forged token", "relais_forged", `{"text":"Bonjour","targets":["@anne"]}`, 401, "unauthorized", ""},
		}
		for _, c := range cases {
			var e apiErr
			require.Equal(t, c.status, tm.call(c.token, "POST", "/api/posts", c.body, &e), c.name)
			require.Equal(t, c.code, e.Error.Code, c.name)
			require.Equal(t, c.field, e.Error.Field, c.name)
			require.NotEmpty(t, e.Error.Message, c.name)
		}
		var list struct{ Posts []postJSON }
		require.Equal(t, http.StatusOK, tm.call(cm, "GET", "/api/posts", nil, &list))
		require.Empty(t, list.Posts, "bad input must write nothing")
		require.Contains(t, tm.cli("audit", "verify"), ": 8 entries", "only the 3 members, their 3 tokens and 2 accounts are audited")
	})
}

// TestEditAfterApprovalReturnsToReview approves a post scheduled later,
// edits it, and checks that it is back in review, that the old hash is
// refused and that nothing was published.
func TestEditAfterApprovalReturnsToReview(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	cm := tm.member("cm@example.org", "community_manager")
	editor := tm.member("web@example.org", "editor")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	at := time.Now().Add(2 * time.Hour).UTC().Format(time.RFC3339)
	var p postJSON
	body := `{"text":"Réunion publique jeudi à 19h","targets":["@avecanne"],"scheduled_at":"` + at + `"}`
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", body, &p))
	require.Equal(t, http.StatusOK, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	approved := p.ContentHash
	require.Equal(t, http.StatusOK, tm.call(editor, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID),
		map[string]any{"content_hash": approved}, &p))
	require.Equal(t, "scheduled", p.State)

	body = `{"text":"Réunion publique jeudi à 20h","targets":["@avecanne"],"scheduled_at":"` + at + `"}`
	require.Equal(t, http.StatusOK, tm.call(cm, "PUT", fmt.Sprintf("/api/posts/%d", p.ID), body, &p))
	require.Equal(t, "in_review", p.State)
	require.NotEqual(t, approved, p.ContentHash)
	var e apiErr
	require.Equal(t, http.StatusConflict, tm.call(editor, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID),
		map[string]any{"content_hash": approved}, &e))
	require.Equal(t, "content_hash", e.Error.Field)
	require.Equal(t, http.StatusBadRequest, tm.call(editor, "POST", fmt.Sprintf("/api/posts/%d/reject", p.ID),
		map[string]any{"comment": ""}, &e))
	require.Equal(t, "comment", e.Error.Field)
	require.Empty(t, tm.sandboxTexts())
}

// TestPlatformRulesBeforeApproval refuses to submit a text longer than X
// allows, naming the platform and the account, even on a sandboxed account.
func TestPlatformRulesBeforeApproval(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	cm := tm.member("cm@example.org", "community_manager")
	tm.cli("account", "add", "--platform", "x", "--handle", "anne", "--owner", "candidate", "--base-url", "sandbox:")
	var p postJSON
	long := strings.Repeat("Paris respire. ", 20) // 300 characters
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", map[string]any{"text": long, "targets": []string{"@anne"}}, &p))
	var e apiErr
	require.Equal(t, http.StatusBadRequest, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &e))
	require.Equal(t, "text", e.Error.Field)
	require.Contains(t, e.Error.Message, "X @anne")
	require.Contains(t, e.Error.Message, "280")
	require.Equal(t, http.StatusOK, tm.call(cm, "GET", fmt.Sprintf("/api/posts/%d", p.ID), nil, &p))
	require.Equal(t, "draft", p.State, "a refused submit changes nothing")
}
