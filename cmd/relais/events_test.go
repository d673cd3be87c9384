package main

import (
	"crypto/ecdh"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// eventJSON is an event as the API returns it.
type eventJSON struct {
	ID       int64          `json:"id"`
	Slug     string         `json:"slug"`
	District string         `json:"district"`
	URL      string         `json:"url"`
	RSVPs    int            `json:"rsvps"`
	ByDist   map[string]int `json:"rsvps_by_district"`
	Drafts   []struct {
		PostID int64  `json:"post_id"`
		Role   string `json:"role"`
	} `json:"drafts"`
}

// eventBody is a valid POST /api/events body starting in h hours.
func eventBody(title string, h int, public bool) string {
	start := time.Now().UTC().Add(time.Duration(h) * time.Hour).Truncate(time.Minute)
	return fmt.Sprintf(`{"title":%q,"kind":"market","starts_at":%q,"ends_at":%q,"place":"Place d'Aligre","district":"11e","public":%t}`,
		title, start.Format(time.RFC3339), start.Add(2*time.Hour).Format(time.RFC3339), public)
}

// event creates a public event by the fixture's author and returns its id.
func (f *fixture) event() int64 {
	f.t.Helper()
	var e eventJSON
	require.Equal(f.t, http.StatusCreated, f.tm.call(f.author, "POST", "/api/events", eventBody(fmt.Sprintf("Marché %d", f.next()), 72, true), &e))
	return e.ID
}

// anon posts a form to a public page as a visitor from origin.
func anon(t *testing.T, c *http.Client, base, path, origin string, form url.Values) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest("POST", base+path, strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", origin)
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(b)
}

func TestFieldEventsEndToEnd(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	token := tm.cli("user", "token", "--email", "web@demo.relais.fr")

	// Bad input: a field error, nothing stored.
	var e apiErr
	require.Equal(t, http.StatusBadRequest, tm.call(token, "POST", "/api/events", strings.Replace(eventBody("Marché", 72, true), `"market"`, `"rally"`, 1), &e))
	require.Equal(t, "kind", e.Error.Field)
	require.Equal(t, http.StatusBadRequest, tm.call(token, "POST", "/api/events", strings.Replace(eventBody("Marché", 72, true), `"11e"`, `"Lyon"`, 1), &e))
	require.Equal(t, "district", e.Error.Field)
	require.Contains(t, e.Error.Message, "Secteur inconnu", "French by default")
	var list struct{ Events []eventJSON }
	require.Equal(t, http.StatusOK, tm.call(token, "GET", "/api/events", nil, &list))
	require.Empty(t, list.Events)

	// An event generates its three drafts, each through normal approval.
	var ev eventJSON
	require.Equal(t, http.StatusCreated, tm.call(token, "POST", "/api/events", eventBody("Marché d'Aligre", 72, true), &ev))
	require.Equal(t, "11e arrondissement", ev.District)
	require.Equal(t, "/e/"+ev.Slug, ev.URL)
	require.Len(t, ev.Drafts, 3)
	roles := map[string]bool{}
	for _, d := range ev.Drafts {
		roles[d.Role] = true
		var p postJSON
		require.Equal(t, http.StatusOK, tm.call(token, "POST", fmt.Sprintf("/api/posts/%d/submit", d.PostID), nil, &p))
		require.Equal(t, "in_review", p.State)
	}
	require.Equal(t, map[string]bool{"announce": true, "live": true, "recap": true}, roles)

	// The public page: no login, French and English, iCal.
	jar, _ := cookiejar.New(nil)
	visitor := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	status, body := getBody(t, visitor, tm.URL+ev.URL)
	require.Equal(t, http.StatusOK, status)
	requireSelectors(t, "public fr", body, "html[lang=fr]", "form#rsvp-form", "input#rsvp-email[type=email]", "a#ics-link", "strong#rsvp-count")
	refuteSelectors(t, "public fr", body, "nav.mainnav")
	require.Contains(t, body, "Marché d&#39;Aligre")
	require.Contains(t, body, "Je m&#39;inscris")
	_, body = getBody(t, visitor, tm.URL+ev.URL+"?lang=en")
	requireSelectors(t, "public en", body, "html[lang=en]")
	require.Contains(t, body, "Count me in")
	resp, err := visitor.Get(tm.URL + ev.URL + "/event.ics")
	require.NoError(t, err)
	ics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, "text/calendar; charset=utf-8", resp.Header.Get("Content-Type"))
	require.Contains(t, string(ics), "SUMMARY:Marché d'Aligre\r\n")

	// RSVPs: an invalid e-mail is a field error and stores nothing.
	rsvp := ev.URL + "/rsvp"
	status, _, body = anon(t, visitor, tm.URL, rsvp+"?lang=fr", tm.URL, url.Values{"name": {"Inès"}, "email": {"ines@"}, "consent": {"on"}})
	require.Equal(t, http.StatusBadRequest, status)
	requireSelectors(t, "rsvp error", body, "p#err-email[role=alert]", "input#rsvp-email[aria-invalid=true]")
	require.Contains(t, body, "Adresse e-mail invalide.")
	require.Contains(t, body, `value="Inès"`, "what the visitor typed is kept")
	status, _, body = anon(t, visitor, tm.URL, rsvp+"?lang=en", tm.URL, url.Values{"name": {"Inès"}, "email": {"ines@example.org"}})
	require.Equal(t, http.StatusBadRequest, status)
	require.Contains(t, body, "Tick the box")
	status, loc, _ := anon(t, visitor, tm.URL, rsvp, tm.URL, url.Values{"name": {"Inès"}, "email": {"ines@example.org"}, "district": {"12e"}, "consent": {"on"}})
	require.Equal(t, http.StatusSeeOther, status)
	require.Contains(t, loc, "ok=rsvp")
	_, body = getBody(t, visitor, tm.URL+loc)
	requireSelectors(t, "rsvp done", body, "p#rsvp-done")
	require.Contains(t, body, `<strong id="rsvp-count">1</strong>`)
	status, _, _ = anon(t, visitor, tm.URL, rsvp, "https://evil.example", url.Values{"name": {"X"}, "email": {"x@example.org"}, "consent": {"on"}})
	require.Equal(t, http.StatusForbidden, status, "cross-origin form refused")
	require.Equal(t, http.StatusOK, tm.call(token, "GET", fmt.Sprintf("/api/events/%d", ev.ID), nil, &ev))
	require.Equal(t, 1, ev.RSVPs)
	require.Equal(t, map[string]int{"12e arrondissement": 1}, ev.ByDist)

	// The weekly report sums the week's events and their RSVPs per district.
	y, wk := time.Now().Add(72 * time.Hour).In(relais.DefaultLocation()).ISOWeek()
	var rep struct {
		Events []struct {
			Event      struct{ ID int64 } `json:"event"`
			RSVPs      int                `json:"rsvps"`
			ByDistrict map[string]int     `json:"rsvps_by_district"`
		} `json:"events"`
	}
	require.Equal(t, http.StatusOK, tm.call(token, "GET", fmt.Sprintf("/api/reports/weekly?week=%04d-W%02d", y, wk), nil, &rep))
	require.Len(t, rep.Events, 1)
	require.Equal(t, ev.ID, rep.Events[0].Event.ID)
	require.Equal(t, 1, rep.Events[0].RSVPs)
	require.Equal(t, map[string]int{"12e arrondissement": 1}, rep.Events[0].ByDistrict)

	// Anonymous RSVPs are rate-limited per client.
	limited := false
	for i := 0; i < 12 && !limited; i++ {
		status, _, _ = anon(t, visitor, tm.URL, rsvp, tm.URL, url.Values{"name": {"Spam"}, "email": {fmt.Sprintf("s%d@example.org", i)}, "consent": {"on"}})
		limited = status == http.StatusTooManyRequests
	}
	require.True(t, limited, "no rate limit on anonymous RSVPs")

	// A private event has no public page.
	var priv eventJSON
	require.Equal(t, http.StatusCreated, tm.call(token, "POST", "/api/events", eventBody("Réunion d'équipe", 30, false), &priv))
	status, _ = getBody(t, visitor, tm.URL+"/e/"+priv.Slug)
	require.Equal(t, http.StatusNotFound, status)

	// The team sees events on the calendar, the map and the district page.
	web := tm.signIn(t, "web@demo.relais.fr")
	day := time.Now().Add(72 * time.Hour).In(relais.DefaultLocation()).Format("2006-01-02")
	_, body = web.get("/calendar?date=" + day)
	requireSelectors(t, "calendar", body, fmt.Sprintf("li.fevent[data-event=%d]", ev.ID))
	_, body = web.get("/map")
	requireSelectors(t, "map", body, "span.tev[data-events=2]")
	require.Equal(t, 1, count(t, body, "span.tev"), "one district has events")
	_, body = web.get("/districts/11e")
	requireSelectors(t, "district", body, "ul#district-events")
	_, body = web.get(fmt.Sprintf("/events/%d", ev.ID))
	requireSelectors(t, "event page", body, "li[data-role=announce]", "li[data-role=live]", "li[data-role=recap]", "ul#event-rsvp-counts")
	status, body = web.post("/events", url.Values{"title": {""}, "kind": {"market"}, "place": {"Bastille"}, "district": {"11e"}})
	require.Equal(t, http.StatusBadRequest, status)
	requireSelectors(t, "event form error", body, "p#err-title[role=alert]", "input#ev-title[aria-invalid=true]")
	require.Equal(t, http.StatusOK, tm.call(token, "GET", "/api/events", nil, &list))
	require.Len(t, list.Events, 2, "the refused form stored nothing")
}

func getBody(t *testing.T, c *http.Client, u string) (int, string) {
	t.Helper()
	resp, err := c.Get(u)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// pushSubscriptionJSON is a browser's PushSubscription.toJSON() for a
// fresh key pair (nothing is ever sent to its endpoint in these tests).
func pushSubscriptionJSON(t *testing.T, n int) string {
	k, err := ecdh.P256().GenerateKey(rand.Reader)
	require.NoError(t, err)
	auth := make([]byte, 16)
	_, _ = rand.Read(auth)
	return fmt.Sprintf(`{"endpoint":"https://push.example.org/sub/%d","expirationTime":null,"keys":{"p256dh":%q,"auth":%q}}`,
		n, base64.RawURLEncoding.EncodeToString(k.PublicKey().Bytes()), base64.RawURLEncoding.EncodeToString(auth))
}
