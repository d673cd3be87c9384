package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// dialWS opens the live websocket as the token's member.
func (tm *testMain) dialWS(token, origin string) (*websocket.Conn, *http.Response, error) {
	h := http.Header{"Authorization": {"Bearer " + token}}
	if origin != "" {
		h.Set("Origin", origin)
	}
	return websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(tm.URL, "http")+"/ws", h)
}

// TestLiveQueue checks that a post submitted by one member reaches an
// approver's open websocket without any reload, and then its publication.
func TestLiveQueue(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	cm := tm.member("cm@example.org", "community_manager")
	editor := tm.member("web@example.org", "editor")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	conn, _, err := tm.dialWS(editor, tm.URL)
	require.NoError(t, err)
	defer conn.Close()

	var p postJSON
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", `{"text":"Porte-à-porte samedi dans le 11e","targets":["@avecanne"]}`, &p))
	require.Equal(t, http.StatusOK, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	e := nextEvent(t, conn, relais.EventPostSubmitted)
	require.Equal(t, p.ID, e.PostID)
	require.Equal(t, "in_review", e.State)

	require.Equal(t, http.StatusOK, tm.call(editor, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID),
		map[string]any{"content_hash": p.ContentHash}, &p))
	nextEvent(t, conn, relais.EventPostApproved)
	e = nextEvent(t, conn, relais.EventDelivery)
	require.Equal(t, "published", e.State)
}

// TestWebsocketOrigin refuses a websocket opened from another site.
func TestWebsocketOrigin(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	editor := tm.member("web@example.org", "editor")
	_, resp, err := tm.dialWS(editor, "https://evil.example")
	require.Error(t, err)
	require.Equal(t, http.StatusForbidden, resp.StatusCode)
	conn, _, err := tm.dialWS(editor, tm.URL)
	require.NoError(t, err, "same origin is accepted")
	conn.Close()
	_, resp, err = tm.dialWS("relais_forged", tm.URL)
	require.Error(t, err)
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode)
}

// nextEvent reads events until one of type typ arrives (10 s at most).
func nextEvent(t *testing.T, conn *websocket.Conn, typ string) relais.Event {
	t.Helper()
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(10*time.Second)))
	for {
		var e relais.Event
		require.NoError(t, conn.ReadJSON(&e), "waiting for %s", typ)
		if e.Type == typ {
			return e
		}
	}
}

// TestCatchUpOnlyOnTheSameHub: a tab replays missed events by number only
// from the hub (replica, process) that numbered them.
func TestCatchUpOnlyOnTheSameHub(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	cm := tm.member("cm@example.org", "community_manager")
	editor := tm.member("web@example.org", "editor")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	for i := 0; i < 2; i++ {
		var p postJSON
		require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", `{"text":"Réunion publique","targets":["@avecanne"]}`, &p))
		require.Equal(t, http.StatusOK, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	}
	hub := tm.hubID(t, editor)
	replay := func(h string) *websocket.Conn {
		c, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(tm.URL, "http")+"/ws?since=1&hub="+h,
			http.Header{"Authorization": {"Bearer " + editor}})
		require.NoError(t, err)
		return c
	}
	same := replay(hub)
	defer same.Close()
	e := nextEvent(t, same, relais.EventPostSubmitted)
	require.Equal(t, int64(2), e.Seq, "missed events replayed on the same hub")
	other := replay("another-replica")
	defer other.Close()
	require.NoError(t, other.SetReadDeadline(time.Now().Add(500*time.Millisecond)))
	for {
		var e relais.Event
		if err := other.ReadJSON(&e); err != nil {
			break // nothing replayed before the deadline
		}
		require.NotEqual(t, relais.EventPostSubmitted, e.Type, "no replay from another hub's numbers")
	}
}

// hubID reads the hub's id from a fresh connection's hello.
func (tm *testMain) hubID(t *testing.T, token string) string {
	t.Helper()
	c, _, err := tm.dialWS(token, tm.URL)
	require.NoError(t, err)
	defer c.Close()
	require.NoError(t, c.SetReadDeadline(time.Now().Add(5*time.Second)))
	var hello struct{ Type, Hub string }
	require.NoError(t, c.ReadJSON(&hello))
	require.Equal(t, "hello", hello.Type)
	return hello.Hub
}
