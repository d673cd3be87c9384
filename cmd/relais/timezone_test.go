package main

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestTwoTimeZonesInOneProcess (issue 13): the campaign's time zone is
// each server's configuration (RELAIS_TIMEZONE), not process-wide state.
// Two servers run at once in one process, one in Paris and one in New
// York; each writes a post's planned time, and reads it back from its
// form, in its own zone.
func TestTwoTimeZonesInOneProcess(t *testing.T) {
	t.Parallel()
	at := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Hour)
	zones := []string{"Europe/Paris", "America/New_York"}
	servers := make([]*testMain, len(zones))
	for i, tz := range zones {
		loc, err := time.LoadLocation(tz)
		require.NoError(t, err)
		servers[i] = mustRunDemoWith(t, func(m *Main) { m.cfg.Location = loc })
	}
	for i, tm := range servers {
		loc := tm.cfg.Location
		require.Equal(t, zones[i], loc.String())
		tok := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
		var created struct{ ID int64 }
		require.Equal(t, http.StatusCreated, tm.call(tok, "POST", "/api/posts", map[string]any{"text": "Réunion publique jeudi soir",
			"targets": []int{1}, "scheduled_at": at.Format(time.RFC3339)}, &created))
		cm := tm.signIn(t, "cm@demo.relais.fr")
		id := strconv.FormatInt(created.ID, 10)
		status, body := cm.get("/posts/" + id + "/edit")
		require.Equal(t, http.StatusOK, status)
		require.Contains(t, body, `value="`+at.In(loc).Format("2006-01-02T15:04")+`"`, "the edit form in %s", loc)

		// The form's time reads back in the same zone: saving it keeps the instant.
		status, body = cm.get("/calendar?date=" + at.In(loc).Format("2006-01-02"))
		require.Equal(t, http.StatusOK, status)
		require.Contains(t, body, `data-post="`+id+`" data-time="`+at.In(loc).Format("15:04")+`"`, "the calendar in %s", loc)
	}
	paris, nyc := servers[0].cfg.Location, servers[1].cfg.Location
	require.NotEqual(t, at.In(paris).Format("15:04"), at.In(nyc).Format("15:04"), "the two zones show different hours")
}
