package analytics_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/analytics"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestClicksDayRollover counts clicks just before and after midnight in
// Paris (23:00 UTC in winter) and checks they land on their own days.
func TestClicksDayRollover(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "sqlite")
	var link int64
	storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error {
		if err := tx.SaveLinks([]store.Link{{Code: "Dayaaaaaaa", PostID: f.post.ID, Channel: "account", URL: "https://a.fr"}}); err != nil {
			return err
		}
		ls, err := tx.PostLinks(f.post.ID)
		link = ls[0].ID
		return err
	}))
	c := analytics.NewClicks(f.st, nil)
	now := time.Date(2026, 12, 1, 22, 59, 59, 0, time.UTC) // 23:59:59 on 1 December in Paris
	analytics.SetClicksNow(c, func() time.Time { return now })
	c.Add(link)
	c.Add(link)
	now = now.Add(2 * time.Second) // 00:00:01 on 2 December
	c.Add(link)
	require.NoError(t, c.Flush(f.ctx))
	days := map[string]int64{}
	storetest.Must(t, f.st.View(f.ctx, func(tx *store.Tx) error {
		rows, err := tx.SQL().QueryContext(tx.Context(), "SELECT day, clicks FROM link_clicks WHERE link_id = ?", link)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var day string
			var n int64
			if err := rows.Scan(&day, &n); err != nil {
				return err
			}
			days[day] = n
		}
		return rows.Err()
	}))
	require.Equal(t, map[string]int64{"2026-12-01": 2, "2026-12-02": 1}, days)
}

// TestClicksFlushedOnStop counts clicks while the flushing loop runs with
// an interval too long to fire, stops it (as relais does on shutdown) and
// finds them written: a restart loses no click.
func TestClicksFlushedOnStop(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "sqlite")
	storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error {
		return tx.SaveLinks([]store.Link{{Code: "Stopaaaaaa", PostID: f.post.ID, Channel: "account", URL: "https://a.fr"}})
	}))
	var link int64
	storetest.Must(t, f.st.View(f.ctx, func(tx *store.Tx) error {
		ls, err := tx.PostLinks(f.post.ID)
		link = ls[0].ID
		return err
	}))
	c := analytics.NewClicks(f.st, nil)
	ctx, stop := context.WithCancel(f.ctx)
	done := make(chan struct{})
	go func() { defer close(done); c.Run(ctx, time.Hour) }()
	for i := 0; i < 3; i++ {
		c.Add(link)
	}
	stop()
	<-done
	var n int64
	storetest.Must(t, f.st.View(f.ctx, func(tx *store.Tx) (err error) { n, err = tx.PostClicks(f.post.ID); return err }))
	require.EqualValues(t, 3, n)
}
