package main

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// TestCalendarICS checks the iCalendar feed: its token is validated, it
// lists scheduled posts and blackout windows, and its lines are folded.
func TestCalendarICS(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	at := time.Now().Add(48 * time.Hour).UTC().Truncate(time.Minute)
	var p postJSON
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", map[string]any{
		"text":    "Réunion publique, mardi; venez nombreux, avec vos voisins et vos questions sur les crèches du quartier",
		"targets": []string{"@avecanne"}, "scheduled_at": at.Format(time.RFC3339)}, &p))
	web := tm.signIn(t, "web@demo.relais.fr")
	day := time.Now().AddDate(0, 0, 20).Format("2006-01-02")
	status, _ := web.post("/settings/rounds", url.Values{"name": {"1er tour"}, "day": {day}, "polls_close": {"20:00"}})
	require.Equal(t, http.StatusOK, status)

	get := func(q string) (int, string, http.Header) {
		resp, err := http.Get(tm.URL + "/calendar.ics" + q)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), resp.Header
	}
	status, _, _ = get("")
	require.Equal(t, http.StatusUnauthorized, status)
	status, _, _ = get("?token=relais_forged")
	require.Equal(t, http.StatusUnauthorized, status)

	status, _, _ = get("?token=" + url.QueryEscape(cm))
	require.Equal(t, http.StatusUnauthorized, status, "an API token is refused: it would sit in calendar apps' URLs")
	feed := tm.cli("user", "token", "--calendar", "--email", "cm@demo.relais.fr")
	require.Equal(t, http.StatusUnauthorized, tm.call(feed, "GET", "/api/posts", nil, nil), "a calendar token opens nothing else")
	status, body, h := get("?token=" + url.QueryEscape(feed))
	require.Equal(t, http.StatusOK, status, body)
	require.Equal(t, "text/calendar; charset=utf-8", h.Get("Content-Type"))
	require.True(t, strings.HasPrefix(body, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
	require.True(t, strings.HasSuffix(body, "END:VCALENDAR\r\n"))
	require.Contains(t, body, fmt.Sprintf("UID:post-%d@relais", p.ID))
	require.Contains(t, body, "DTSTART:"+at.Format("20060102T150405Z"))
	require.Contains(t, body, `Réunion publique\, mardi\; venez`)
	require.Contains(t, body, `SUMMARY:[brouillon] Réunion publique`, "the state in the reader's language, not its code")
	require.Contains(t, body, "SUMMARY:Réserve électorale : 1er tour")
	for _, line := range strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n") {
		require.LessOrEqual(t, len(line), 75, "folded at 75 octets: %q", line)
	}
}

// TestTextCountAPI checks the compose page's counter endpoint.
func TestTextCountAPI(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	tok := tm.member("cm@example.org", "community_manager")
	var out struct {
		Counts []struct {
			Platform string   `json:"platform"`
			Length   int      `json:"length"`
			Limit    int      `json:"limit"`
			Valid    bool     `json:"valid"`
			Text     string   `json:"text"`
			CostUSD  *float64 `json:"cost_usd"`
		} `json:"counts"`
	}
	require.Equal(t, http.StatusOK, tm.call(tok, "POST", "/api/text/count", map[string]any{
		"text": "Programme complet : https://example.org/programme-municipal-2026", "variants": map[string]string{"bluesky": "Court"},
		"platforms": []string{"x", "bluesky", "mastodon"}}, &out))
	require.Len(t, out.Counts, 3)
	byPl := map[string]int{}
	for i, c := range out.Counts {
		byPl[c.Platform] = i
	}
	x, bsky := out.Counts[byPl["x"]], out.Counts[byPl["bluesky"]]
	require.Equal(t, 20+23, x.Length, "an X URL counts 23")
	require.Equal(t, 280, x.Limit)
	require.NotNil(t, x.CostUSD)
	require.Equal(t, 0.20, *x.CostUSD, "a post with a URL costs more on X")
	require.Equal(t, "Court", bsky.Text)
	require.Equal(t, 5, bsky.Length)
	require.Nil(t, bsky.CostUSD)

	var e apiErr
	require.Equal(t, http.StatusBadRequest, tm.call(tok, "POST", "/api/text/count", `{"text":"x","platforms":["myspace"]}`, &e))
	require.Equal(t, "platforms", e.Error.Field)
	require.Equal(t, http.StatusUnauthorized, tm.call("", "POST", "/api/text/count", `{"text":"x"}`, nil))
}

// TestComposeQueueSlot submits the compose form "at the next free queue
// slot": the post is scheduled at one of the account's slots.
func TestComposeQueueSlot(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	web := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	var accts struct {
		Accounts []struct {
			ID     int64  `json:"id"`
			Handle string `json:"handle"`
		} `json:"accounts"`
	}
	require.Equal(t, http.StatusOK, tm.call(web, "GET", "/api/accounts", nil, &accts))
	var campaign int64
	for _, a := range accts.Accounts {
		if a.Handle == "avecanne" {
			campaign = a.ID
		}
	}
	require.NotZero(t, campaign)
	require.Equal(t, http.StatusCreated, tm.call(web, "POST", fmt.Sprintf("/api/accounts/%d/slots", campaign),
		`{"weekdays":[0,1,2,3,4,5,6],"times":["07:15"]}`, nil))

	cm := tm.signIn(t, "cm@demo.relais.fr")
	status, body := cm.post("/compose", url.Values{"text": {"Le programme des crèches, quartier par quartier"},
		"target": {fmt.Sprint(campaign)}, "queue": {"on"}})
	require.Equal(t, http.StatusOK, status, between(body, `class="error"`, "</p>"))
	id := between(body, `data-post="`, `"`)
	require.NotEmpty(t, id)
	var p struct {
		State       string     `json:"state"`
		ScheduledAt *time.Time `json:"scheduled_at"`
	}
	require.Equal(t, http.StatusOK, tm.call(web, "GET", "/api/posts/"+id, nil, &p))
	require.Equal(t, "in_review", p.State)
	require.NotNil(t, p.ScheduledAt)
	require.Equal(t, "07:15", p.ScheduledAt.In(relais.DefaultLocation()).Format("15:04"))
}
