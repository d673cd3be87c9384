package main

import (
	"encoding/csv"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store/storetest"
)

// TestAuditVerifyAndExport exports a day of audit entries as CSV, then
// modifies one row in the database: `relais audit verify` must name it as
// the first broken link.
func TestAuditVerifyAndExport(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		tm := MustRunMain(t, dialect)
		cm := tm.member("cm@example.org", "community_manager")
		editor := tm.member("web@example.org", "editor")
		tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
		var p postJSON
		require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", `{"text":"Réunion jeudi","targets":["@avecanne"],"scheduled_at":"`+inHours(4)+`"}`, &p))
		require.Equal(t, http.StatusOK, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
		require.Equal(t, http.StatusOK, tm.call(editor, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID),
			map[string]any{"content_hash": p.ContentHash, "comment": "ok"}, &p))
		n := tm.auditEntries()
		require.Equal(t, 8, n, "2 members and their tokens, 1 account, create, submit, approve")

		today := time.Now().In(relais.DefaultLocation()).Format("2006-01-02")
		rows, err := csv.NewReader(strings.NewReader(tm.cli("audit", "export", "--from", today, "--to", today))).ReadAll()
		require.NoError(t, err)
		require.Equal(t, []string{"id", "at", "actor_id", "actor", "action", "post_id", "content_hash", "detail", "prev_hash", "hash"}, rows[0])
		require.Len(t, rows, n+1)
		last := rows[n]
		require.Equal(t, "post.approve", last[4])
		require.Equal(t, p.ContentHash, last[6])
		require.Contains(t, last[3], "web@example.org")
		require.Equal(t, rows[n-1][9], last[8], "each row names its predecessor's hash")
		yesterday := time.Now().In(relais.DefaultLocation()).AddDate(0, 0, -1).Format("2006-01-02")
		empty, err := csv.NewReader(strings.NewReader(tm.cli("audit", "export", "--from", yesterday, "--to", yesterday))).ReadAll()
		require.NoError(t, err)
		require.Len(t, empty, 1, "only the header outside the range")
		require.Equal(t, "to", relais.ErrorField(tm.cliErr("audit", "export", "--from", today, "--to", yesterday)))
		require.Equal(t, "from", relais.ErrorField(tm.cliErr("audit", "export", "--from", "hier", "--to", today)))

		_, err = tm.store.DB().Exec(`UPDATE audit_log SET detail = 'approuvé par personne' WHERE id = 6`)
		require.NoError(t, err)
		err = tm.cliErr("audit", "verify")
		require.Contains(t, err.Error(), "audit chain broken at entry 6, post.create by cm <cm@example.org> (community_manager) at ")
		require.Contains(t, err.Error(), "(5 entries verified before it)")
	})
}

// TestInvitationByEmailLink invites a colistier through the API (no SMTP
// configured, so the admin gets the link), sets her password on the
// invitation page and checks that the link works once.
func TestInvitationByEmailLink(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	admin := tm.member("admin@example.org", "admin")
	editor := tm.member("web@example.org", "editor")
	body := `{"email":"camille@example.org","name":"Camille","role":"colistier"}`
	var e apiErr
	require.Equal(t, http.StatusForbidden, tm.call(editor, "POST", "/api/invitations", body, &e))
	require.Equal(t, http.StatusBadRequest, tm.call(admin, "POST", "/api/invitations", `{"email":"x","name":"X","role":"colistier"}`, &e))
	require.Equal(t, "email", e.Error.Field)
	var out struct {
		Sent bool
		Link string
	}
	require.Equal(t, http.StatusCreated, tm.call(admin, "POST", "/api/invitations", body, &out))
	require.False(t, out.Sent)
	path := regexp.MustCompile(`/invite/\S+$`).FindString(out.Link)
	require.NotEmpty(t, path, out.Link)

	anon := &webSession{t: t, tm: tm}
	status, _, page := anon.do("GET", path, "", "")
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, page, "Camille")
	require.Contains(t, page, "camille@example.org")
	const formType = "application/x-www-form-urlencoded"
	status, _, _ = anon.do("POST", path, formType, url.Values{"password": {"un-long-mot-de-passe"}, "confirm": {"un-long-mot-de-passe"}}.Encode(),
		"Origin", "https://evil.example")
	require.Equal(t, http.StatusForbidden, status, "cross-origin invitation form")
	status, _, page = anon.do("POST", path, formType, url.Values{"password": {"un-long-mot-de-passe"}, "confirm": {"autre"}}.Encode())
	require.Equal(t, http.StatusBadRequest, status)
	require.Contains(t, html.UnescapeString(page), "Confirmation : les mots de passe diffèrent.", "the anonymous reader's French, not both languages")

	req, _ := http.NewRequest("POST", tm.URL+path, strings.NewReader(url.Values{"password": {"un-long-mot-de-passe"}, "confirm": {"un-long-mot-de-passe"}}.Encode()))
	req.Header.Set("Content-Type", formType)
	resp, err := noRedirect.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	member := &webSession{t: t, tm: tm}
	for _, c := range resp.Cookies() {
		if c.Name == "relais_session" {
			member.cookie = c.Value
		}
	}
	status, _, page = member.do("GET", "/api/me", "", "")
	require.Equal(t, http.StatusOK, status, page)
	require.Contains(t, page, `"role":"colistier"`)
	resp, err = noRedirect.PostForm(tm.URL+"/login", url.Values{"email": {"camille@example.org"}, "password": {"un-long-mot-de-passe"}})
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusSeeOther, resp.StatusCode, "she signs in with her password")

	status, _, _ = anon.do("GET", path, "", "")
	require.Equal(t, http.StatusNotFound, status, "the link works once")
	status, _, _ = anon.do("POST", path, formType, url.Values{"password": {"encore-un-mot-de-passe"}, "confirm": {"encore-un-mot-de-passe"}}.Encode())
	require.Equal(t, http.StatusNotFound, status)
	require.Equal(t, http.StatusConflict, tm.call(admin, "POST", "/api/invitations", body, &e), "already a member")
}

// TestApprovalBadInputChangesNothing sends wrong transitions and bad
// decisions over HTTP: each gets a clear coded error and leaves the posts
// and the audit log as they were.
func TestApprovalBadInputChangesNothing(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	cm := tm.member("cm@example.org", "community_manager")
	editor := tm.member("web@example.org", "editor")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	var draft, review postJSON
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", `{"text":"Brouillon","targets":["@avecanne"]}`, &draft))
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", `{"text":"En revue","targets":["@avecanne"]}`, &review))
	require.Equal(t, http.StatusOK, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", review.ID), nil, &review))
	entries := tm.auditEntries()
	cases := []struct {
		name, token, path, body string
		status                  int
		code, field             string
	}{
		{"unknown post", editor, "/api/posts/999/approve", `{"content_hash":"x"}`, 404, "not_found", ""},
		{"not a post id", editor, "/api/posts/abc/approve", `{"content_hash":"x"}`, 404, "not_found", ""},
		{"approve a draft", editor, fmt.Sprintf("/api/posts/%d/approve", draft.ID), `{"content_hash":"` + draft.ContentHash + `"}`, 409, "conflict", ""},
		{"submit twice", cm, fmt.Sprintf("/api/posts/%d/submit", review.ID), ``, 409, "conflict", ""},
		{"own post", cm, fmt.Sprintf("/api/posts/%d/approve", review.ID), `{"content_hash":"` + review.ContentHash + `"}`, 403, "forbidden", ""},
		{"stale hash", editor, fmt.Sprintf("/api/posts/%d/approve", review.ID), `{"content_hash":"0000"}`, 409, "conflict", "content_hash"},
		{"no hash", editor, fmt.Sprintf("/api/posts/%d/approve", review.ID), `{}`, 400, "invalid", "content_hash"},
		{"reject without comment", editor, fmt.Sprintf("/api/posts/%d/reject", review.ID), `{"comment":" "}`, 400, "invalid", "comment"},
		{"changes without comment", editor, fmt.Sprintf("/api/posts/%d/request-changes", review.ID), `{}`, 400, "invalid", "comment"},
		{"override without reason", cm, fmt.Sprintf("/api/posts/%d/override", draft.ID), `{"reason":"x"}`, 403, "forbidden", ""},
		{"empty comment", editor, fmt.Sprintf("/api/posts/%d/comments", review.ID), `{"body":""}`, 400, "invalid", "body"},
		{"comment on unknown post", editor, "/api/posts/999/comments", `{"body":"x"}`, 404, "not_found", ""},
		{"forged token", "relais_forged", fmt.Sprintf("/api/posts/%d/approve", review.ID), `{"content_hash":"x"}`, 401, "unauthorized", ""},
	}
	for _, c := range cases {
		var e apiErr
		require.Equal(t, c.status, tm.call(c.token, "POST", c.path, c.body, &e), c.name)
		require.Equal(t, c.code, e.Error.Code, c.name)
		require.Equal(t, c.field, e.Error.Field, c.name)
		require.NotEmpty(t, e.Error.Message, c.name)
	}
	require.Equal(t, entries, tm.auditEntries(), "bad input wrote no audit entry")
	var p postJSON
	require.Equal(t, http.StatusOK, tm.call(editor, "GET", fmt.Sprintf("/api/posts/%d", review.ID), nil, &p))
	require.Equal(t, "in_review", p.State)
	require.Equal(t, http.StatusOK, tm.call(editor, "GET", fmt.Sprintf("/api/posts/%d", draft.ID), nil, &p))
	require.Equal(t, "draft", p.State)
}

// TestAuditHeadDetectsTruncation: deleting the newest entries leaves a
// valid chain, but not the head recorded earlier.
func TestAuditHeadDetectsTruncation(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	tm.member("cm@example.org", "community_manager")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	out := tm.cli("audit", "verify")
	_, head, ok := strings.Cut(out, "head: ")
	require.True(t, ok, out)
	head, _, _ = strings.Cut(head, " ")
	require.Contains(t, tm.cli("audit", "verify", "--head", head), "audit chain intact: 3 entries", "member.add, token.issue, account.add")

	_, err := tm.store.DB().Exec(`DELETE FROM audit_log WHERE id = 3`)
	require.NoError(t, err)
	require.Contains(t, tm.cli("audit", "verify"), "intact: 2 entries", "the chain alone cannot see it")
	err = tm.cliErr("audit", "verify", "--head", head)
	require.ErrorContains(t, err, "missing or changed")
	require.Equal(t, "head", relais.ErrorField(tm.cliErr("audit", "verify", "--head", "nonsense")))
}
