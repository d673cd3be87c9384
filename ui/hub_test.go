package ui

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

func TestHubAudienceCatchUpAndSlowClients(t *testing.T) {
	t.Parallel()
	h := NewHub()
	editor := &relais.Member{ID: 1, Role: relais.RoleEditor}
	colistier := &relais.Member{ID: 2, Role: relais.RoleColistier}
	se, sc := h.Subscribe(editor, 0), h.Subscribe(colistier, 0)

	h.Publish(relais.Event{Type: relais.EventPostSubmitted, PostID: 7})
	h.Publish(relais.Event{Type: relais.EventPostApproved, PostID: 7, Audience: []relais.Role{relais.RoleCandidate}})
	e := se.recv(t)
	require.Equal(t, int64(1), e.Seq)
	require.Equal(t, relais.EventPostSubmitted, e.Type)
	require.Zero(t, se.pending(), "the editor is not in the candidate-only audience")
	require.Zero(t, sc.pending(), "colistiers do not see the web team's drafts")

	// A reconnecting tab catches up on what it missed, by sequence number.
	h.Publish(relais.Event{Type: relais.EventDelivery, PostID: 7})
	late := h.Subscribe(editor, 1)
	require.Equal(t, relais.EventDelivery, (late.recv(t)).Type)

	// A tab that does not read is dropped instead of blocking the hub.
	for i := 0; i < subscriberBuffer+10; i++ {
		h.Publish(relais.Event{Type: relais.EventPostUpdated})
	}
	require.Less(t, h.Count(), 3, "slow subscribers are dropped")
	evs, closed := se.take()
	require.True(t, closed, "the dropped subscriber is closed")
	require.Len(t, evs, subscriberBuffer, "after what it had queued")
}

func TestBucket(t *testing.T) {
	t.Parallel()
	b := newBucket(2, 1)
	now := time.Now()
	require.True(t, b.take(now))
	require.True(t, b.take(now))
	require.False(t, b.take(now), "burst spent")
	require.False(t, b.take(now.Add(500*time.Millisecond)))
	require.True(t, b.take(now.Add(1600*time.Millisecond)), "refilled at one per second")
}
