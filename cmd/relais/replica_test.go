package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// mustRunReplica starts a second relais on the same PostgreSQL database
// (and secret key) as tm, as a scaled-out deployment runs it.
func mustRunReplica(t *testing.T, tm *testMain) *testMain {
	t.Helper()
	m := NewMain(io.Discard, io.Discard)
	m.env = tm.env
	m.Addr, m.PollEvery, m.Rescue = "127.0.0.1:0", 50*time.Millisecond, 5*time.Second
	require.NoError(t, m.Run(context.Background()))
	t.Cleanup(func() { require.NoError(t, m.Close()) })
	return &testMain{Main: m, t: t, URL: "http://" + m.ListenAddr()}
}

// TestLiveEventsAcrossReplicas: a post submitted through one replica
// reaches an approver whose dashboard is connected to another, and a
// session opened on one replica is valid on the other.
func TestLiveEventsAcrossReplicas(t *testing.T) {
	t.Parallel()
	a := MustRunMain(t, store.DialectPostgres)
	b := mustRunReplica(t, a)
	cm := a.member("cm@example.org", "community_manager")
	editor := a.member("web@example.org", "editor")
	a.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	conn, _, err := b.dialWS(editor, b.URL)
	require.NoError(t, err)
	defer conn.Close()
	time.Sleep(300 * time.Millisecond) // both replicas are listening

	var p postJSON
	require.Equal(t, http.StatusCreated, a.call(cm, "POST", "/api/posts", `{"text":"Marché de la place des Fêtes dimanche","targets":["@avecanne"]}`, &p))
	require.Equal(t, http.StatusOK, a.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	e := nextEvent(t, conn, relais.EventPostSubmitted)
	require.Equal(t, p.ID, e.PostID, "the event crossed from replica A to replica B")
	require.Equal(t, http.StatusOK, b.call(editor, "GET", fmt.Sprintf("/api/posts/%d", p.ID), nil, &p), "any replica serves any member")
}
