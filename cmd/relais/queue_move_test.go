package main

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestQueueMovesRecentPost (issue 14 item 2): the queue lists recent posts
// with their date and, for the web team, a "move" form on those not yet
// published; moving one reschedules it through the reschedule service
// and comes back to the queue. The candidate gets no such form on another member's post.
func TestQueueMovesRecentPost(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	web := tm.signIn(t, "web@demo.relais.fr")
	tok := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	var created struct{ ID int64 }
	require.Equal(t, http.StatusCreated, tm.call(tok, "POST", "/api/posts", map[string]any{"text": "Marché d'Aligre dimanche matin",
		"targets": []int{1}, "scheduled_at": time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)}, &created))
	status, body := web.get("/")
	require.Equal(t, http.StatusOK, status)
	m := regexp.MustCompile(`id="rmv-(\d+)"`).FindStringSubmatch(between(body, `id="recent-h"`, "</section>"))
	require.NotNil(t, m, "a movable post in the recent list: %s", between(body, `id="recent-h"`, "</section>"))
	id := m[1]
	require.Equal(t, strconv.FormatInt(created.ID, 10), id)
	day := time.Now().Add(48 * time.Hour).In(paris()).Format("2006-01-02")
	_, cal := web.get("/calendar?date=" + day)
	require.Regexp(t, `<form method="post" action="/calendar/move">\s*<input type="hidden" name="post" value="`+id+`">`, cal, "the calendar's move form")
	require.Regexp(t, `id="mv-`+id+`" type="datetime-local" name="scheduled_at" required value="`+day+`T\d\d:\d\d"`, cal)

	at := time.Now().Add(96 * time.Hour).In(paris()).Truncate(time.Hour)
	status, body = web.post("/calendar/move", url.Values{"post": {id}, "scheduled_at": {at.Format("2006-01-02T15:04")}, "next": {"/"}})
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, "Publication déplacée.")
	require.Contains(t, body, `id="queue-count"`, "back on the queue")
	_, post := web.get("/posts/" + id)
	require.Contains(t, post, at.Format("15:04"))

	status, body = web.post("/calendar/move", url.Values{"post": {id}, "scheduled_at": {at.Format("2006-01-02T15:04")}, "next": {"https://evil.example/"}})
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, body, `id="calendar"`, "any other next goes to the calendar, never elsewhere")

	_, body = tm.signIn(t, "anne@demo.relais.fr").get("/")
	require.Contains(t, body, `id="recent-`+id+`"`)
	require.NotContains(t, body, `id="rmv-`+id+`"`, "the candidate may not reschedule another member's post")
}
