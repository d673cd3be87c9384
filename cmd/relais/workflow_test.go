package main

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPostLanguageTagsThePublication: an English post is detected as such
// and published tagged "en"; the compose form's choice overrides the
// detection.
func TestPostLanguageTagsThePublication(t *testing.T) {
	tm := mustRunDemo(t)
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	web := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	var p struct {
		postJSON
		Lang string `json:"lang"`
	}
	require.Equal(t, 201, tm.call(cm, "POST", "/api/posts", `{"text":"Join us tomorrow for a public meeting","targets":["@avecanne"]}`, &p))
	require.Equal(t, "en", p.Lang)
	require.Equal(t, 200, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, 200, tm.call(web, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID), map[string]string{"content_hash": p.ContentHash}, &p))
	waitState(t, tm, web, p.ID, "published")
	es := tm.sandbox.Entries()
	require.Equal(t, "Join us tomorrow for a public meeting", es[len(es)-1].Text)
	require.Equal(t, "en", es[len(es)-1].Lang, "the connector is given the post's language")

	s := tm.signIn(t, "cm@demo.relais.fr")
	status, body := s.post("/compose", url.Values{"text": {"Réunion publique jeudi"}, "target": {"4"}, "lang": {"en"}})
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, body, `<dd id="post-lang">anglais</dd>`, "the author's choice is kept")
	status, body = s.post("/compose?lang=en", url.Values{"text": {"Réunion publique jeudi"}, "target": {"4"}, "lang": {"de"}})
	require.Equal(t, http.StatusBadRequest, status)
	require.Contains(t, body, `Unknown language &#34;de&#34;: choose French or English.`)
	require.Contains(t, body, `<textarea id="text" name="text"`)
	require.Contains(t, body, `Réunion publique jeudi</textarea>`, "what was typed is kept")
}

// TestEditDeleteDuplicatePages drives the forms without a browser: edit a
// post sent back for changes, delete a draft, duplicate a post; and the
// favicon answers.
func TestEditDeleteDuplicatePages(t *testing.T) {
	tm := mustRunDemo(t)
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	web := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	var p postJSON
	require.Equal(t, 201, tm.call(cm, "POST", "/api/posts", `{"text":"Réunion publique jeudi","targets":["@avecanne"]}`, &p))
	require.Equal(t, 200, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, 200, tm.call(web, "POST", fmt.Sprintf("/api/posts/%d/request-changes", p.ID), map[string]string{"comment": "Précisez l'heure"}, &p))

	s := tm.signIn(t, "cm@demo.relais.fr")
	status, body := s.get(fmt.Sprintf("/posts/%d/edit", p.ID))
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, body, `Réunion publique jeudi</textarea>`)
	status, body = s.post(fmt.Sprintf("/posts/%d/edit", p.ID), url.Values{"text": {"Réunion publique jeudi à 19h"}})
	require.Equal(t, http.StatusBadRequest, status, "no account ticked")
	require.Contains(t, body, "Cochez au moins un compte")
	require.Contains(t, body, `Réunion publique jeudi à 19h</textarea>`, "what was typed is kept")
	status, body = s.post(fmt.Sprintf("/posts/%d/edit", p.ID), url.Values{"text": {"Réunion publique jeudi à 19h"}, "target": {"4"}})
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, body, "Publication modifiée et envoyée en validation.")
	waitState(t, tm, web, p.ID, "in_review")
	ws := tm.signIn(t, "web@demo.relais.fr")
	_, body = ws.get(fmt.Sprintf("/posts/%d", p.ID))
	require.Contains(t, body, `<ins title="ajouté">à 19h</ins>`, "the approver sees the words added")

	var d postJSON
	require.Equal(t, 201, tm.call(cm, "POST", "/api/posts", `{"text":"Brouillon à jeter","targets":["@avecanne"]}`, &d))
	cand := tm.signIn(t, "anne@demo.relais.fr")
	status, _ = cand.post(fmt.Sprintf("/posts/%d/delete", d.ID), nil)
	require.Equal(t, http.StatusForbidden, status, "the candidate may not delete the web team's draft")
	status, body = s.post(fmt.Sprintf("/posts/%d/delete", d.ID), nil)
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, body, "Publication supprimée.")
	require.NotContains(t, body, "Brouillon à jeter")
	status, body = s.post(fmt.Sprintf("/posts/%d/delete", p.ID), nil)
	require.Equal(t, http.StatusConflict, status, "a post in review cannot be deleted")
	require.Contains(t, body, "Seuls les brouillons")

	status, body = s.post(fmt.Sprintf("/posts/%d/duplicate", p.ID), nil)
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, body, "Copie créée")
	require.Contains(t, body, `Réunion publique jeudi à 19h</textarea>`)

	_, body = tm.signIn(t, "admin@demo.relais.fr").get("/settings/members")
	require.Regexp(t, `<select id="inv-role" name="role"[^>]*>(<option value="[a-z_]+">[^<]*</option>)*<option value="colistier" selected>`, body,
		"an invitation defaults to the least privilege")

	resp, err := http.Get(tm.URL + "/favicon.ico")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "image/svg+xml", resp.Header.Get("Content-Type"))
}
