package ui

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// TestColistiersGetNoPresence (issue 11 item 9): staff presence never
// reaches a colistier's tab.
func TestColistiersGetNoPresence(t *testing.T) {
	t.Parallel()
	h := NewHub()
	editor := h.Subscribe(&relais.Member{ID: 1, Role: relais.RoleEditor}, 0)
	col := h.Subscribe(&relais.Member{ID: 2, Role: relais.RoleColistier}, 0)
	h.Publish(relais.Event{Type: relais.EventPresence, PostID: 7, Data: map[string]any{"member": "Web"}})
	require.Equal(t, 1, editor.pending())
	require.Zero(t, col.pending(), "no presence for colistiers")
}

// TestCloseOrders (issue 11 item 6): a member's subscribers, or one
// session's, are closed here and by a close order relayed from another
// replica; the per-member cap refuses one subscriber too many.
func TestCloseOrders(t *testing.T) {
	t.Parallel()
	h := NewHub()
	anne := &relais.Member{ID: 1, Role: relais.RoleCandidate}
	a1, _ := h.subscribe(anne, 0, "s1", 2)
	a2, _ := h.subscribe(anne, 0, "s2", 2)
	_, err := h.subscribe(anne, 0, "s3", 2)
	require.Equal(t, relais.ERATELIMIT, relais.ErrorCode(err))
	other := h.Subscribe(&relais.Member{ID: 2, Role: relais.RoleEditor}, 0)
	h.CloseSession("s1")
	_, closed := a1.take()
	require.True(t, closed, "the session's subscriber is closed")
	h.receive([]byte(`{"origin":"other-replica","close":{"member_id":1}}`))
	_, closed = a2.take()
	require.True(t, closed, "a relayed close order closes the member's subscribers")
	require.Equal(t, 1, h.Count())
	require.Zero(t, other.pending())
}
