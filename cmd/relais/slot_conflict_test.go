package main

import (
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// warningJSON is one warning of an API answer.
type warningJSON struct {
	Code, Field, Message string
	Params               map[string]string
}

// warnedPost is a saved post with its warnings.
type warnedPost struct {
	ID       int64
	Warnings []warningJSON
}

// TestSlotConflictWarns (issue 14 item 3): a post scheduled on an account
// close to another one of that account is saved with a warning naming the
// other post and its time, in the caller's language: within 10 minutes
// when the account has no queue slots, within its slots' spacing when it
// has some. Another account, or a date far enough, gives no warning; the
// post page shows the warning too.
func TestSlotConflictWarns(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	tok := tm.member("admin@example.org", "admin")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "anne", "--owner", "candidate")
	base := time.Now().Add(72 * time.Hour).Truncate(time.Hour).UTC()
	create := func(account int, at time.Time, lang string) warnedPost {
		t.Helper()
		var p warnedPost
		body := fmt.Sprintf(`{"text":"Réunion publique %s","targets":[%d],"scheduled_at":%q}`, at.Format("15:04"), account, at.Format(time.RFC3339))
		require.Equal(t, http.StatusCreated, tm.call(tok, "POST", "/api/posts?lang="+lang, body, &p))
		return p
	}
	first := create(1, base, "fr")
	require.Empty(t, first.Warnings)
	require.NotNil(t, first.Warnings, "an empty list, not null")

	near := create(1, base.Add(5*time.Minute), "fr")
	require.Len(t, near.Warnings, 1)
	w := near.Warnings[0]
	require.Equal(t, []string{"slot_conflict", "scheduled_at", fmt.Sprint(first.ID), "@avecanne", "10 min"},
		[]string{w.Code, w.Field, w.Params["post"], w.Params["handle"], w.Params["spacing"]})
	require.Contains(t, w.Message, fmt.Sprintf("la publication #%d est déjà prévue le", first.ID))
	require.Contains(t, w.Message, base.In(paris()).Format("15:04"))

	en := create(1, base.Add(-4*time.Minute), "en")
	require.Len(t, en.Warnings, 2, "both neighbours")
	require.Contains(t, en.Warnings[0].Message+en.Warnings[1].Message, fmt.Sprintf("post #%d is already scheduled for", first.ID))

	require.Empty(t, create(1, base.Add(25*time.Minute), "fr").Warnings, "25 minutes after: fine")
	require.Empty(t, create(2, base, "fr").Warnings, "another account")

	// With slots every two hours, one hour apart is too close.
	var slots any
	require.Equal(t, http.StatusCreated, tm.call(tok, "POST", "/api/accounts/2/slots", map[string]any{"weekdays": []int{0, 1, 2, 3, 4, 5, 6}, "times": []string{"08:00", "10:00", "12:00", "18:00"}}, &slots))
	late := create(2, base.Add(90*time.Minute), "fr")
	require.Len(t, late.Warnings, 1)
	require.Equal(t, "2 h", late.Warnings[0].Params["spacing"])

	// PUT moves it away: the warning goes.
	var moved warnedPost
	body := fmt.Sprintf(`{"text":"Réunion publique","targets":[2],"scheduled_at":%q}`, base.Add(5*time.Hour).Format(time.RFC3339))
	require.Equal(t, http.StatusOK, tm.call(tok, "PUT", fmt.Sprintf("/api/posts/%d", late.ID), body, &moved))
	require.Empty(t, moved.Warnings)

	jar, _ := cookiejar.New(nil)
	web := &session{t: t, tm: tm, c: &http.Client{Jar: jar}}
	status, _ := web.post("/login", url.Values{"email": {"admin@example.org"}, "password": {"long-enough-pw"}})
	require.Equal(t, http.StatusOK, status)
	status, page := web.get(fmt.Sprintf("/posts/%d", near.ID))
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, page, `class="callout slot-conflict"`)
	require.True(t, strings.Contains(page, fmt.Sprintf("#%d est déjà prévue", first.ID)))
}
