package mastodon

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// TestMetricsContract reads a status's counts from an instance double
// answering GET /api/v1/statuses/:id with a Status entity as documented
// (https://docs.joinmastodon.org/entities/Status/), with and without
// quotes_count (added in 4.5), and maps a 404 to a permanent error.
func TestMetricsContract(t *testing.T) {
	t.Parallel()
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, _ []byte) bool {
		require.Equal(t, http.MethodGet, r.Method)
		switch r.URL.Path {
		case "/api/v1/statuses/110":
			w.Write([]byte(`{"id":"110","content":"<p>x</p>","replies_count":3,"reblogs_count":7,"favourites_count":21,"quotes_count":2}`))
		case "/api/v1/statuses/111":
			w.Write([]byte(`{"id":"111","replies_count":0,"reblogs_count":1,"favourites_count":4}`))
		default:
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"error":"Record not found"}`))
		}
		return true
	})
	c := New(f.srv.Client(), f.srv.URL, "")
	a := relais.Account{ID: 1, Platform: relais.PlatformMastodon, Handle: "camp", Credentials: map[string]string{CredAccessToken: "tok-123"}}
	m, err := c.Metrics(context.Background(), a, "110")
	require.NoError(t, err)
	require.Equal(t, connectors.Metrics{Likes: connectors.Count(21), Reposts: connectors.Count(7), Replies: connectors.Count(3),
		Quotes: connectors.Count(2)}, m)
	m, err = c.Metrics(context.Background(), a, "111")
	require.NoError(t, err)
	require.Nil(t, m.Quotes, "no quotes_count before 4.5: missing, not zero")
	require.Nil(t, m.Views, "Mastodon gives no views")
	require.EqualValues(t, 0, *m.Replies)
	_, err = c.Metrics(context.Background(), a, "999")
	require.Equal(t, connectors.Permanent, connectors.ClassOf(err))
}
