package main

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/store/storetest"
)

type schedPost struct {
	postJSON
	ScheduledAt *time.Time `json:"scheduled_at"`
	Approvals   []struct {
		ContentHash string `json:"content_hash"`
	} `json:"approvals"`
}

// scheduleFixture is a running relais with a community manager, an
// editor and a campaign account.
type scheduleFixture struct {
	*testMain
	cm, editor string
}

func setupSchedule(t *testing.T, dialect string) *scheduleFixture {
	tm := MustRunMain(t, dialect)
	f := &scheduleFixture{testMain: tm, cm: tm.member("cm@example.org", "community_manager"),
		editor: tm.member("web@example.org", "editor")}
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	return f
}

// approved drafts a post at `at`, submits it and has the editor approve it.
func (f *scheduleFixture) approved(t *testing.T, at time.Time) schedPost {
	var p schedPost
	require.Equal(t, http.StatusCreated, f.call(f.cm, "POST", "/api/posts",
		map[string]any{"text": "Permanence au local de campagne samedi matin", "targets": []string{"@avecanne"}, "scheduled_at": at}, &p))
	require.Equal(t, http.StatusOK, f.call(f.cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, http.StatusOK, f.call(f.editor, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID),
		map[string]any{"content_hash": p.ContentHash}, &p))
	require.Equal(t, "scheduled", p.State)
	return p
}

// TestRescheduleAndCancel moves an approved post (the editor keeps it
// approved under the new hash; its author sends it back to review),
// refuses a past time and a blackout time without saving, and cancels.
func TestRescheduleAndCancel(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		f := setupSchedule(t, dialect)
		at := time.Now().Add(2 * time.Hour).UTC().Truncate(time.Second)
		p := f.approved(t, at)
		path := fmt.Sprintf("/api/posts/%d", p.ID)

		var moved schedPost
		require.Equal(t, http.StatusOK, f.call(f.editor, "POST", path+"/reschedule", map[string]any{"scheduled_at": at.Add(time.Hour)}, &moved))
		require.Equal(t, "scheduled", moved.State)
		require.NotEqual(t, p.ContentHash, moved.ContentHash)
		require.Equal(t, moved.ContentHash, moved.Approvals[len(moved.Approvals)-1].ContentHash, "approval renewed for the new hash")

		var e apiErr
		require.Equal(t, http.StatusBadRequest, f.call(f.editor, "POST", path+"/reschedule",
			map[string]any{"scheduled_at": time.Now().Add(-time.Hour)}, &e))
		require.Equal(t, "scheduled_at", e.Error.Field)
		day := time.Now().AddDate(0, 0, 3).Format("2006-01-02")
		require.Equal(t, http.StatusCreated, f.call(f.editor, "POST", "/api/election-rounds", map[string]any{"day": day, "name": "1er tour"}, nil))
		eve, _ := time.ParseInLocation("2006-01-02 15:04", time.Now().AddDate(0, 0, 2).Format("2006-01-02")+" 12:00", time.Local)
		require.Equal(t, http.StatusUnprocessableEntity, f.call(f.editor, "POST", path+"/reschedule", map[string]any{"scheduled_at": eve}, &e))
		require.Equal(t, "blackout", e.Error.Code)
		var same schedPost
		require.Equal(t, http.StatusOK, f.call(f.editor, "GET", path, nil, &same))
		require.Equal(t, moved.ContentHash, same.ContentHash, "refused moves save nothing")

		require.Equal(t, http.StatusOK, f.call(f.cm, "POST", path+"/reschedule", map[string]any{"scheduled_at": at.Add(30 * time.Minute)}, &moved))
		require.Equal(t, "in_review", moved.State, "the author's move voids the approval")

		require.Equal(t, http.StatusOK, f.call(f.cm, "POST", path+"/cancel", map[string]any{"reason": "doublon"}, &moved))
		require.Equal(t, "cancelled", moved.State)
		require.Equal(t, http.StatusConflict, f.call(f.cm, "POST", path+"/reschedule", map[string]any{"scheduled_at": at}, &e))
	})
}

// TestScheduleBadInput sends bad recurring rules, slots and rounds and
// checks the field errors and that nothing was saved.
func TestScheduleBadInput(t *testing.T) {
	t.Parallel()
	f := setupSchedule(t, "sqlite")
	p := f.approved(t, time.Now().Add(time.Hour))
	for _, c := range []struct {
		path  string
		body  map[string]any
		field string
	}{
		{"/api/recurring", map[string]any{"post_id": p.ID, "spec": "0 25 * * *"}, "spec"},
		{"/api/recurring", map[string]any{"post_id": p.ID, "spec": "0 9 * * *", "tz": "Europe/Lutece"}, "tz"},
		{"/api/accounts/1/slots", map[string]any{"weekdays": []int{1, 9}, "times": []string{"08:30"}}, "weekdays"},
		{"/api/accounts/1/slots", map[string]any{"weekdays": []int{1}, "times": []string{"8h30"}}, "times"},
		{"/api/election-rounds", map[string]any{"day": "2026-02-30"}, "day"},
		{"/api/election-rounds", map[string]any{"day": "2099-03-15", "polls_close": "26:00"}, "polls_close"},
		{"/api/election-rounds", map[string]any{"day": "2020-03-15"}, "day"},
	} {
		var e apiErr
		require.Equal(t, http.StatusBadRequest, f.call(f.editor, "POST", c.path, c.body, &e), c.body)
		require.Equal(t, c.field, e.Error.Field, c.body)
	}
	var recs struct{ Recurrences []any }
	require.Equal(t, http.StatusOK, f.call(f.editor, "GET", "/api/recurring", nil, &recs))
	require.Empty(t, recs.Recurrences)
	var slots struct{ Slots []any }
	require.Equal(t, http.StatusOK, f.call(f.editor, "GET", "/api/accounts/1/slots", nil, &slots))
	require.Empty(t, slots.Slots)
	var rounds struct{ Rounds []any }
	require.Equal(t, http.StatusOK, f.call(f.editor, "GET", "/api/election-rounds", nil, &rounds))
	require.Empty(t, rounds.Rounds)
}

// TestQueueAndRecurring fills queue slots and creates a recurrence.
func TestQueueAndRecurring(t *testing.T) {
	t.Parallel()
	f := setupSchedule(t, "sqlite")
	var e apiErr
	require.Equal(t, http.StatusForbidden, f.call(f.cm, "POST", "/api/accounts/1/slots",
		map[string]any{"weekdays": []int{1, 2, 3, 4, 5}, "times": []string{"08:30", "12:30", "18:30"}}, &e))
	require.Equal(t, http.StatusCreated, f.call(f.editor, "POST", "/api/accounts/1/slots",
		map[string]any{"weekdays": []int{1, 2, 3, 4, 5}, "times": []string{"08:30", "12:30", "18:30"}}, nil))
	var times []time.Time
	for i := 0; i < 2; i++ {
		var p schedPost
		require.Equal(t, http.StatusCreated, f.call(f.cm, "POST", "/api/posts",
			map[string]any{"text": fmt.Sprintf("Tractage au marché n°%d", i), "targets": []string{"@avecanne"}}, &p))
		require.Equal(t, http.StatusOK, f.call(f.cm, "POST", fmt.Sprintf("/api/posts/%d/queue", p.ID), nil, &p))
		require.NotNil(t, p.ScheduledAt)
		times = append(times, *p.ScheduledAt)
	}
	require.True(t, times[1].After(times[0]), "the second post takes the next free slot")
	hm := times[0].In(paris()).Format("15:04")
	require.Contains(t, []string{"08:30", "12:30", "18:30"}, hm)

	p := f.approved(t, time.Now().Add(time.Hour))
	require.Equal(t, http.StatusForbidden, f.call(f.cm, "POST", "/api/recurring", map[string]any{"post_id": p.ID, "spec": "30 8 * * 1-5"}, &e),
		"the author may not approve a series of her own post")
	var rec struct {
		ID     int64      `json:"id"`
		NextAt *time.Time `json:"next_at"`
		Active bool       `json:"active"`
	}
	require.Equal(t, http.StatusCreated, f.call(f.editor, "POST", "/api/recurring", map[string]any{"post_id": p.ID, "spec": "30 8 * * 1-5"}, &rec))
	require.Equal(t, "08:30", rec.NextAt.In(paris()).Format("15:04"))
	require.Equal(t, http.StatusOK, f.call(f.editor, "POST", fmt.Sprintf("/api/recurring/%d/stop", rec.ID), nil, &rec))
	require.False(t, rec.Active)
}

func paris() *time.Location {
	loc, _ := time.LoadLocation("Europe/Paris")
	return loc
}
