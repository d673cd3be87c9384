package facebook

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/connectors"
)

// TestMetricsContract reads a Page post's counts from a Graph API double
// answering GET /v26.0/{post-id}?fields=shares,reactions.summary(total_count),…
// as documented (reactions.summary.total_count, comments.summary.total_count,
// shares.count, absent when nobody shared), with the page token in the
// Authorization header and never in the URL; views are missing.
func TestMetricsContract(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		require.Equal(t, "Bearer "+pageToken, r.Header.Get("Authorization"))
		require.Empty(t, r.URL.Query().Get("access_token"))
		require.Equal(t, metricFields, r.URL.Query().Get("fields"))
		switch r.URL.Path {
		case "/v26.0/104857600000001_1":
			w.Write([]byte(`{"shares":{"count":4},"reactions":{"data":[],"summary":{"total_count":52,"viewer_reaction":"NONE"}},"comments":{"data":[],"summary":{"order":"ranked","total_count":9,"can_comment":true}},"id":"104857600000001_1"}`))
		case "/v26.0/104857600000001_2":
			w.Write([]byte(`{"reactions":{"data":[],"summary":{"total_count":0}},"comments":{"data":[],"summary":{"total_count":0}},"id":"104857600000001_2"}`))
		default:
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(`{"error":{"message":"Unsupported get request.","type":"GraphMethodException","code":100,"error_subcode":33}}`))
		}
	}))
	t.Cleanup(srv.Close)
	f := &fake{srv: srv}
	c := New(srv.Client(), "", "")
	m, err := c.Metrics(context.Background(), f.account(), "104857600000001_1")
	require.NoError(t, err)
	require.Equal(t, connectors.Metrics{Likes: connectors.Count(52), Reposts: connectors.Count(4), Replies: connectors.Count(9)}, m)
	require.Nil(t, m.Views)
	m, err = c.Metrics(context.Background(), f.account(), "104857600000001_2")
	require.NoError(t, err)
	require.EqualValues(t, 0, *m.Reposts)
	_, err = c.Metrics(context.Background(), f.account(), "104857600000001_404")
	require.Error(t, err)
}
