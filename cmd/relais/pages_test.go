package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/demo"
)

// session is a signed-in browser without JavaScript: a cookie jar.
type session struct {
	t  *testing.T
	tm *testMain
	c  *http.Client
}

func (tm *testMain) signIn(t *testing.T, email string) *session {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	s := &session{t: t, tm: tm, c: &http.Client{Jar: jar}}
	status, body := s.post("/login", url.Values{"email": {email}, "password": {demo.Password}})
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, `class="mainnav"`, "signed in as %s", email)
	return s
}

// get returns a page's status and HTML.
func (s *session) get(path string) (int, string) {
	s.t.Helper()
	resp, err := s.c.Get(s.tm.URL + path)
	require.NoError(s.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(s.t, err)
	return resp.StatusCode, string(b)
}

// post submits a form from the dashboard's own origin.
func (s *session) post(path string, form url.Values) (int, string) {
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
	return resp.StatusCode, string(b)
}

// TestPagesSelectors renders the main pages for the roles that use them
// and checks their structure with CSS selectors, in French and English.
func TestPagesSelectors(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	web := tm.signIn(t, "web@demo.relais.fr")
	col := tm.signIn(t, "colistier-11e@demo.relais.fr")
	cm := tm.signIn(t, "cm@demo.relais.fr")

	pages := []struct {
		s      *session
		path   string
		want   []string
		refute []string
	}{
		{web, "/", []string{"html[lang=fr]", "main#main", "div#queue[aria-live=polite]", "section#districtmap", "ol.tilemap", "li.tile[data-district=paris-centre]", "a[href=/settings]", "a.lang[hreflang=en]"}, nil},
		{cm, "/", []string{"a[href=/compose]", "ul.recent"}, []string{"div#queue", "section#districtmap", "a[href=/settings]"}},
		{cm, "/compose", []string{"form#compose[action=/compose]", "textarea#text[required]", "div#tone[aria-live=polite]", "ul#counters",
			"li[data-platform=x]", "p#xcost", "textarea#variant_bluesky", "fieldset.group-candidate", "fieldset.group-campaign", "fieldset.group-district",
			"input.select-all", "input#scheduled_at[type=datetime-local]", "input[name=queue]", "aside.previews", "div.pv-x"}, nil},
		{web, "/calendar", []string{"div#calendar.cal-view-week", "section.cal-day.today", "a[rel=prev]", "a[rel=next]", "select#account"}, nil},
		{web, "/calendar?view=month", []string{"div#calendar.cal-view-month", "a[aria-current=page][href]"}, nil},
		{web, "/map", []string{"ol.tilemap", "li.tile.r3.c3", "a[href=/districts/11e]"}, nil},
		{web, "/districts/11e", []string{"ul#district-colistiers"}, nil},
		{web, "/settings", []string{"nav.subnav", "a[href=/settings/members]", "a[href=/settings/tone]", "ul.sections"}, nil},
		{web, "/settings/members", []string{"section#members", "a[aria-current=page][href=/settings/members]"}, []string{"form[action=/settings/members/invite]"}},
		{web, "/settings/accounts", []string{"section#accounts", "form.account-edit"}, []string{"button[value=save]"}},
		{web, "/settings/tone", []string{"form#opponents-form", "form#own_team-form", "table.severities", "textarea#yaml", "form#tonetest"},
			[]string{"button[value=save]", "button.primary"}},
		{web, "/settings/slots", []string{"section#slots", "form.slots"}, nil},
		{web, "/settings/rounds", []string{"section#rounds", "form[action=/settings/rounds]"}, nil},
		{col, "/", []string{"section#districtmap", "a[href=/inbox]", "span#shared-week"}, []string{"div#queue", "a[href=/compose]", "a[href=/settings]"}},
		{col, "/inbox", []string{"span#shared-week"}, nil},
	}
	for _, p := range pages {
		status, body := p.s.get(p.path)
		require.Equal(t, http.StatusOK, status, p.path)
		what := p.path
		requireSelectors(t, what, body, p.want...)
		refuteSelectors(t, what, body, p.refute...)
		// CSP (script-src 'self', style-src 'self'): no inline script, handler or style.
		require.Equal(t, count(t, body, "script"), count(t, body, "script[src]"), what)
		refuteSelectors(t, what, body, "[style]", "[onclick]", "[onload]")
	}

	// English.
	_, body := web.get("/calendar?lang=en")
	requireSelectors(t, "english", body, "html[lang=en]", "a[hreflang=fr]")
	require.Contains(t, body, ">Week<")
	_, body = web.get("/?lang=fr")
	require.Contains(t, body, "En attente de votre décision")

	// Refusals render an error page with the status.
	status, body := col.get("/settings")
	require.Equal(t, http.StatusForbidden, status)
	requireSelectors(t, "refused", body, "p.error[role=alert]")
	status, _ = col.get("/compose")
	require.Equal(t, http.StatusForbidden, status)
	status, _ = web.get("/districts/nowhere")
	require.Equal(t, http.StatusNotFound, status)
}
