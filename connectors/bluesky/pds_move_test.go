package bluesky

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/connectors"
	peer "github.com/relais/relais/internal/testpeer/bluesky"
)

// calls records the XRPC methods each host received, and whether a
// bearer token came with them.
type calls struct {
	mu     sync.Mutex
	byHost map[string][]string
}

func (c *calls) RoundTrip(r *http.Request) (*http.Response, error) {
	call := strings.TrimPrefix(r.URL.Path, "/xrpc/")
	if strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		call += " (bearer)"
	}
	c.mu.Lock()
	c.byHost[r.URL.Host] = append(c.byHost[r.URL.Host], call)
	c.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

func (c *calls) of(base string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.byHost[strings.TrimPrefix(base, "http://")]...)
}

// TestPDSMoveDropsCachedSession: an account reconnected on another PDS
// (its BaseURL changed, new credentials) signs in there before anything
// else: the session the running client cached on the old server is never
// sent to the new one. The real PDS plays both servers, reached by two
// host names.
func TestPDSMoveDropsCachedSession(t *testing.T) {
	t.Parallel()
	p := peer.Start(t)
	oldBase, newBase := p.URL, strings.Replace(p.URL, "127.0.0.1", "localhost", 1)
	rec := &calls{byHost: map[string][]string{}}
	c := New(&http.Client{Transport: rec}, "")
	a, acc := pdsAccount(t, p, oldBase)
	_, err := c.Publish(context.Background(), a, connectors.Draft{Text: "avant"}, "m-1")
	require.NoError(t, err)
	require.Contains(t, rec.of(oldBase), "com.atproto.server.createSession")

	moved := a
	moved.BaseURL, moved.Credentials = newBase, map[string]string{CredIdentifier: acc.Handle, CredAppPassword: acc.AppPassword}
	_, err = c.Publish(context.Background(), moved, connectors.Draft{Text: "après"}, "m-2")
	require.NoError(t, err)
	got := rec.of(newBase)
	require.NotEmpty(t, got)
	require.Equal(t, "com.atproto.server.createSession", got[0], "the new server first sees a sign-in, not the old session: %v", got)
}
