package main

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/require"
)

// TestCandidateAlertedLive submits a post that names an opponent on the
// candidate's account: her dashboard gets an approval.requested event with
// the routing reason, an editor's does not, and a routine post does not
// alert her.
func TestCandidateAlertedLive(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	cm := tm.member("cm@example.org", "community_manager")
	tm.member("anne@example.org", "candidate")
	tm.member("web@example.org", "editor")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "anne", "--owner", "candidate")
	anne, err := MustSignIn(t, tm, "anne@example.org").wsConn(tm)
	require.NoError(t, err)
	defer anne.Close()
	web, err := MustSignIn(t, tm, "web@example.org").wsConn(tm)
	require.NoError(t, err)
	defer web.Close()

	var p postJSON
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", `{"text":"Je suis au marché d'Aligre ce matin","targets":["@anne"]}`, &p))
	require.Equal(t, http.StatusOK, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, "editor", p.Routing.Approver)
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", `{"text":"Bonjour","targets":["@anne"],"sensitive":true}`, &p))
	require.Equal(t, http.StatusOK, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, "candidate", p.Routing.Approver)

	got := readEvents(t, anne, "approval.requested")
	require.Len(t, got, 1, "one alert, for the sensitive post only")
	require.EqualValues(t, p.ID, got[0]["post_id"])
	require.Empty(t, readEvents(t, web, "approval.requested"), "the alert is for the candidate only")
}

func (b *webSession) wsConn(tm *testMain) (*websocket.Conn, error) {
	conn, _, err := b.dialWS(tm.URL)
	return conn, err
}

// readEvents reads events for half a second and keeps those of type typ.
func readEvents(t *testing.T, conn *websocket.Conn, typ string) []map[string]any {
	t.Helper()
	var out []map[string]any
	deadline := time.Now().Add(500 * time.Millisecond)
	for {
		conn.SetReadDeadline(deadline)
		var e map[string]any
		if err := conn.ReadJSON(&e); err != nil {
			return out
		}
		if e["type"] == typ {
			out = append(out, e)
		}
	}
}
