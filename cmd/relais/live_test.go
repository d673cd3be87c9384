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
