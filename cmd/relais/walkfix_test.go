package main

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// postForm submits a form, follows the redirect and returns the final
// address, status and HTML.
func (s *session) postForm(path string, form url.Values) (string, int, string) {
	s.t.Helper()
	req, err := http.NewRequest("POST", s.tm.URL+path, strings.NewReader(form.Encode()))
	require.NoError(s.t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", s.tm.URL)
	resp, err := s.c.Do(req)
	require.NoError(s.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(s.t, err)
	return resp.Request.URL.RequestURI(), resp.StatusCode, string(b)
}

// countPostsWithText counts the posts whose text is text, as the web team sees them.
func countPostsWithText(t *testing.T, tm *testMain, text string) int {
	var ps struct {
		Posts []struct {
			Text string `json:"text"`
		} `json:"posts"`
	}
	require.Equal(t, 200, tm.call(tm.cli("user", "token", "--email", "web@demo.relais.fr"), "GET", "/api/posts?limit=200", nil, &ps))
	n := 0
	for _, p := range ps.Posts {
		if p.Text == text {
			n++
		}
	}
	return n
}

// TestFormErrorsSayWhy: the compose and decision forms say why they
// refuse, in French as in English, with the date in Paris time and the
// typed value kept.
func TestFormErrorsSayWhy(t *testing.T) {
	tm := mustRunDemo(t)
	cm, web := tm.signIn(t, "cm@demo.relais.fr"), tm.signIn(t, "web@demo.relais.fr")
	cases := []struct {
		form   url.Values
		fr, en string
	}{
		{url.Values{"text": {"  "}, "target": {"4"}}, "Le texte est vide", "Text is required."},
		{url.Values{"text": {"Réunion"}, "target": {"4"}, "scheduled_at": {"2025-01-05T10:00"}},
			"La date choisie (05/01/2025 10:00) est déjà passée", "The time chosen (Sun 5 Jan 2025 10:00) is in the past"},
		{url.Values{"text": {"Réunion"}, "target": {"4"}, "scheduled_at": {"demain"}},
			"Date et heure : « demain » n&#39;est pas une date", "Date and time: &#34;demain&#34; is not a date"},
	}
	for _, c := range cases {
		for lang, want := range map[string]string{"fr": c.fr, "en": c.en} {
			_, status, body := cm.postForm("/compose?lang="+lang, c.form)
			require.Equal(t, http.StatusBadRequest, status)
			require.Contains(t, body, want)
			require.NotContains(t, body, "valeur refusée")
			require.Contains(t, body, `value="`+c.form.Get("scheduled_at")+`"`, "the typed date is kept")
		}
	}
	var p postJSON
	cmTok := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	require.Equal(t, 201, tm.call(cmTok, "POST", "/api/posts", `{"text":"Réunion publique jeudi","targets":["@avecanne"]}`, &p))
	require.Equal(t, 200, tm.call(cmTok, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	for lang, want := range map[string]string{"fr": "Écrivez un commentaire pour dire pourquoi.", "en": "Write a comment to say why."} {
		where, status, body := web.postForm(fmt.Sprintf("/posts/%d/decide?lang=%s", p.ID, lang), url.Values{"action": {"reject"}, "content_hash": {p.ContentHash}})
		require.Equal(t, http.StatusBadRequest, status)
		require.Contains(t, body, want)
		require.Contains(t, body, `class="decide"`, "the decision form is still there (%s)", where)
	}
}

// TestFailedSubmitSavesOnce: a post too long for X is saved once as a
// draft and its edit page says why, with the text; reloading that page
// makes no copy. A blocked draft's "send for review" leads there too.
func TestFailedSubmitSavesOnce(t *testing.T) {
	tm := mustRunDemo(t)
	cm := tm.signIn(t, "cm@demo.relais.fr")
	long := strings.Repeat("Réunion publique jeudi au gymnase. ", 15)
	for lang, want := range map[string]string{"fr": "X @avecanne : le texte compte", "en": "the platform allows 280"} {
		text := lang + " " + long
		cm.get("/compose?lang=" + lang) // her choice, kept in a cookie
		where, status, body := cm.postForm("/compose?lang="+lang, url.Values{"text": {text}, "target": {"4"}})
		require.Equal(t, http.StatusOK, status)
		require.Regexp(t, `^/posts/[0-9]+/edit\?check=1`, where)
		require.Contains(t, body, want)
		require.Contains(t, body, map[string]string{"fr": "Brouillon enregistré", "en": "Draft saved"}[lang])
		require.Contains(t, body, text+"</textarea>", "what was typed is kept")
		_, body = cm.get(where)
		require.Contains(t, body, want, "a reload says why again")
		require.Equal(t, 1, countPostsWithText(t, tm, text), "one draft, however many reloads")
	}

	cmTok := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	var d postJSON
	require.Equal(t, 201, tm.call(cmTok, "POST", "/api/posts", `{"text":"Lacombe, menteur.","targets":["@avecanne"]}`, &d))
	_, body := cm.get(fmt.Sprintf("/posts/%d?lang=fr", d.ID))
	require.Contains(t, body, fmt.Sprintf(`action="/posts/%d/submit"`, d.ID))
	where, status, body := cm.postForm(fmt.Sprintf("/posts/%d/submit", d.ID), nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, fmt.Sprintf("/posts/%d/edit?check=1&ok=not_sent", d.ID), where)
	require.Contains(t, body, "enfreint les règles de ton")
	require.Contains(t, body, "Lacombe, menteur.</textarea>")
}

// TestLanguageSwitchKeepsTheView: the switch keeps the path and query.
func TestLanguageSwitchKeepsTheView(t *testing.T) {
	tm := mustRunDemo(t)
	_, body := tm.signIn(t, "web@demo.relais.fr").get("/calendar?view=month&date=2026-11-01")
	require.Contains(t, body, `class="lang" href="/calendar?date=2026-11-01&amp;lang=en&amp;view=month"`)
}

// TestApproverCardShowsChanges: the approver's home card of a post sent
// back and edited shows the words changed and her earlier comment, and
// deciding from home says what happened.
func TestApproverCardShowsChanges(t *testing.T) {
	tm := mustRunDemo(t)
	cmTok, webTok := tm.cli("user", "token", "--email", "cm@demo.relais.fr"), tm.cli("user", "token", "--email", "web@demo.relais.fr")
	var p postJSON
	require.Equal(t, 201, tm.call(cmTok, "POST", "/api/posts", `{"text":"Réunion publique jeudi","targets":["@avecanne"]}`, &p))
	require.Equal(t, 200, tm.call(cmTok, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, 200, tm.call(webTok, "POST", fmt.Sprintf("/api/posts/%d/request-changes", p.ID), map[string]string{"comment": "Précisez l'heure"}, &p))
	require.Equal(t, 200, tm.call(cmTok, "PUT", fmt.Sprintf("/api/posts/%d", p.ID), `{"text":"Réunion publique jeudi à 19h","targets":["@avecanne"]}`, &p))
	require.Equal(t, 200, tm.call(cmTok, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	web := tm.signIn(t, "web@demo.relais.fr")
	_, home := web.get("/?lang=fr")
	card := home[strings.Index(home, fmt.Sprintf(`id="post-%d"`, p.ID)):]
	card = card[:strings.Index(card, "</article>")]
	require.Contains(t, card, `<ins title="ajouté">à 19h</ins>`)
	require.Contains(t, card, "Précisez l&#39;heure")
	where, status, body := web.postForm(fmt.Sprintf("/posts/%d/decide", p.ID),
		url.Values{"action": {"approve"}, "content_hash": {p.ContentHash}, "next": {"/"}})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "/?ok=decided_approve", where)
	require.Contains(t, body, `<p class="flash" role="status">Publication approuvée.</p>`)
}
