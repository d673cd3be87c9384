package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/events"
)

func TestCalRange(t *testing.T) {
	loc := relais.DefaultLocation()
	day := time.Date(2026, 3, 29, 0, 0, 0, 0, loc) // a Sunday, the day clocks go forward
	from, to, prev, next := calRange("week", day)
	require.Equal(t, "2026-03-23", from.Format("2006-01-02"))
	require.Equal(t, "2026-03-30", to.Format("2006-01-02"))
	require.Equal(t, "2026-03-16", prev.Format("2006-01-02"))
	require.Equal(t, "2026-03-30", next.Format("2006-01-02"))
	require.Equal(t, 0, to.Hour(), "whole days across the DST change")

	from, to, prev, next = calRange("month", day)
	require.Equal(t, "2026-02-23", from.Format("2006-01-02"), "the grid starts on the Monday before the 1st")
	require.Equal(t, "2026-04-06", to.Format("2006-01-02"), "and ends after the Sunday after the 31st")
	require.Equal(t, "2026-02-01", prev.Format("2006-01-02"))
	require.Equal(t, "2026-04-01", next.Format("2006-01-02"))
	require.Equal(t, "mars 2026", calLabel("month", day, from, "fr"))
	require.Equal(t, "March 2026", calLabel("month", day, from, "en"))
}

func TestICSTextAndFolding(t *testing.T) {
	require.Equal(t, `a\, b\; c\\d\ne`, events.ICSText("a, b; c\\d\ne"))
	var w events.ICSWriter
	w.Line("DESCRIPTION:%s", strings.Repeat("é", 60))
	line := w.String()
	for _, l := range strings.Split(strings.TrimSuffix(line, "\r\n"), "\r\n") {
		require.LessOrEqual(t, len(l), 75)
	}
	require.Equal(t, "DESCRIPTION:"+strings.Repeat("é", 60), strings.ReplaceAll(strings.TrimSuffix(line, "\r\n"), "\r\n ", ""),
		"unfolding gives the line back, no UTF-8 sequence cut")
}

func TestPresenceIsTransient(t *testing.T) {
	h := NewHub()
	m := &relais.Member{ID: 1, Role: relais.RoleEditor}
	s := h.Subscribe(m, 0)
	h.Publish(relais.Event{Type: relais.EventPresence, PostID: 3})
	e := s.recv(t)
	require.Zero(t, e.Seq, "presence carries no sequence number")
	h.Publish(relais.Event{Type: relais.EventPostUpdated, PostID: 3})
	require.Equal(t, int64(1), (s.recv(t)).Seq)
	require.Len(t, h.history, 1, "only the post event is kept for catch-up")
}
