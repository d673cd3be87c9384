package main

import (
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// dateWarnings is GET /api/schedule/check's answer.
type dateWarnings struct{ Warnings []warningJSON }

// TestSlotCheckAtComposeAndMove (issue 14 item 3): the compose page's
// check (GET /api/schedule/check) names, in the caller's language, the
// post already planned too close on a ticked account and a blackout's
// end, before anything is saved; moving a post, by the API (the
// calendar's drag) or by the calendar's and queue's form, answers with
// the same warning, shown above the page the move lands on.
func TestSlotCheckAtComposeAndMove(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	tok := tm.member("admin@example.org", "admin")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "anne", "--owner", "candidate")
	base := time.Now().Add(72 * time.Hour).Truncate(time.Hour).UTC()
	var first, other warnedPost
	require.Equal(t, http.StatusCreated, tm.call(tok, "POST", "/api/posts", fmt.Sprintf(`{"text":"Marché","targets":[1],"scheduled_at":%q}`, base.Format(time.RFC3339)), &first))
	require.Equal(t, http.StatusCreated, tm.call(tok, "POST", "/api/posts", fmt.Sprintf(`{"text":"Tract","targets":[1],"scheduled_at":%q}`, base.Add(3*time.Hour).Format(time.RFC3339)), &other))
	check := func(at time.Time, query string) dateWarnings {
		t.Helper()
		var out dateWarnings
		require.Equal(t, http.StatusOK, tm.call(tok, "GET", "/api/schedule/check?scheduled_at="+url.QueryEscape(at.Format(time.RFC3339))+"&"+query, nil, &out))
		return out
	}
	fr := check(base.Add(3*time.Minute), "account=1&account=2&lang=fr")
	require.Len(t, fr.Warnings, 1)
	require.Equal(t, []string{"slot_conflict", "scheduled_at", fmt.Sprint(first.ID)}, []string{fr.Warnings[0].Code, fr.Warnings[0].Field, fr.Warnings[0].Params["post"]})
	require.Contains(t, fr.Warnings[0].Message, fmt.Sprintf("la publication #%d est déjà prévue le", first.ID))
	en := check(base.Add(3*time.Minute), "account=1&lang=en")
	require.Contains(t, en.Warnings[0].Message, fmt.Sprintf("post #%d is already scheduled for", first.ID))
	require.Empty(t, check(base.Add(3*time.Minute), "account=2").Warnings, "another account")
	require.Empty(t, check(base.Add(3*time.Minute), fmt.Sprintf("account=1&post=%d", first.ID)).Warnings, "the post edited is no conflict with itself")
	require.Empty(t, check(base.Add(time.Hour), "account=1").Warnings, "an hour later: free")
	var bad map[string]map[string]any
	require.Equal(t, http.StatusBadRequest, tm.call(tok, "GET", "/api/schedule/check?scheduled_at=demain&lang=fr", nil, &bad))
	require.Equal(t, "scheduled_at", bad["error"]["field"])
	require.Contains(t, bad["error"]["message"], "« demain » n'est pas une date")

	day := time.Now().In(paris()).AddDate(0, 0, 20)
	require.Equal(t, 201, tm.call(tok, "POST", "/api/election-rounds", map[string]string{"name": "Premier tour", "day": day.Format("2006-01-02"), "polls_close": "20:00"}, nil))
	in := time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, paris())
	blk := check(in, "account=1&lang=en")
	require.Len(t, blk.Warnings, 1)
	require.Equal(t, "blackout", blk.Warnings[0].Code)
	require.Contains(t, blk.Warnings[0].Message, "Electoral blackout")

	// Moving the other post next to the first: the API answers with the warning.
	var moved warnedPost
	require.Equal(t, http.StatusOK, tm.call(tok, "POST", fmt.Sprintf("/api/posts/%d/reschedule?lang=en", other.ID), map[string]string{"scheduled_at": base.Add(4 * time.Minute).Format(time.RFC3339)}, &moved))
	require.Len(t, moved.Warnings, 1)
	require.Contains(t, moved.Warnings[0].Message, fmt.Sprintf("post #%d is already scheduled for", first.ID))

	// The calendar's (and queue's) form: the page it lands on shows it.
	jar, _ := cookiejar.New(nil)
	web := &session{t: t, tm: tm, c: &http.Client{Jar: jar}}
	status, _ := web.post("/login", url.Values{"email": {"admin@example.org"}, "password": {"long-enough-pw"}})
	require.Equal(t, http.StatusOK, status)
	for _, next := range []string{"", "/"} {
		to := base.Add(-2 * time.Minute).In(paris()).Format("2006-01-02T15:04")
		status, page := web.post("/calendar/move", url.Values{"post": {fmt.Sprint(other.ID)}, "scheduled_at": {to}, "next": {next}})
		require.Equal(t, http.StatusOK, status)
		require.Contains(t, page, `class="callout slot-conflict"`, "next=%q", next)
		require.Contains(t, page, fmt.Sprintf("la publication #%d est déjà prévue", first.ID), "next=%q", next)
	}
	status, page := web.post("/calendar/move?lang=en", url.Values{"post": {fmt.Sprint(other.ID)}, "scheduled_at": {"demain"}})
	require.Equal(t, http.StatusBadRequest, status)
	require.Contains(t, visibleText(page), `Date and time: "demain" is not a date`)
}
