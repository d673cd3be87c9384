package platforms

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/stretchr/testify/require"
)

// bodies is a transport that answers {} to everything and counts, per
// host, the requests with a body that net/http could rewind (GetBody set)
// and those it could not.
type bodies struct {
	mu         sync.Mutex
	rewindable map[string]int
	sent       map[string]int
}

func (b *bodies) RoundTrip(r *http.Request) (*http.Response, error) {
	b.mu.Lock()
	if r.Body != nil && r.Body != http.NoBody {
		b.sent[r.URL.Host]++
		if r.GetBody != nil {
			b.rewindable[r.URL.Host]++
		}
	}
	b.mu.Unlock()
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(`{}`)), Request: r}, nil
}

// TestNoPublicationIsRewindable: whatever client the connectors are given,
// every request with a body they send (X's OAuth-signed ones included)
// reaches the transport without GetBody, so net/http cannot send a
// publication a second time by itself.
func TestNoPublicationIsRewindable(t *testing.T) {
	t.Parallel()
	tr := &bodies{rewindable: map[string]int{}, sent: map[string]int{}}
	s := New(Options{HTTPClient: &http.Client{Transport: tr}})
	creds := map[string]string{"consumer_key": "k", "consumer_secret": "s", "access_token": "t", "access_token_secret": "ts",
		"identifier": "anne.example.org", "app_password": "p", "page_access_token": "t", "bot_token": "T",
		"url": "https://webhook.example/hook", "kind": "slack"}
	for _, c := range []connectors.Connector{s.X, s.Bluesky, s.Mastodon, s.Facebook, s.Telegram, s.Webhook} {
		host := strings.ToLower(string(c.Platform())) + ".example"
		if c == s.Webhook {
			host = "webhook.example"
		}
		a := relais.Account{ID: 1, Platform: c.Platform(), Handle: "@equipe", BaseURL: "https://" + host, Credentials: creds}
		_, _ = c.Publish(context.Background(), a, connectors.Draft{Text: "Bonjour"}, "k")
		require.Positive(t, tr.sent[host], "%s sent no request with a body", c.Platform())
		require.Zero(t, tr.rewindable[host], "%s sent a rewindable body", c.Platform())
	}
}
