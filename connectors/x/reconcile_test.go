package x

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/relais/relais/connectors"
	"github.com/stretchr/testify/require"
)

// timelineFake answers as X documents (docs.x.com/x-api/users/lookup,
// "GET /2/users/me": {"data":{"id","name","username"}}; docs.x.com/x-api/posts/timelines,
// "GET /2/users/:id/tweets" with start_time, max_results and
// tweet.fields=created_at: {"data":[{"id","text","created_at"}],"meta":{...}},
// links shown as t.co and &, <, > escaped as HTML entities). Its POST
// /2/tweets creates the post and loses the answer (the connection closes).
func timelineFake(t *testing.T, posts *atomic.Int32, since *string) *fake {
	return mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) {
		switch r.Method + " " + r.URL.Path {
		case "POST /2/tweets":
			posts.Add(1)
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
		case "GET /2/users/me":
			w.Write([]byte(`{"data":{"id":"2244994945","name":"Anne","username":"AnneParis"}}`))
		case "GET /2/users/2244994945/tweets":
			*since = r.URL.Query().Get("start_time")
			require.Equal(t, "10", r.URL.Query().Get("max_results"))
			w.Write([]byte(`{"data":[{"id":"1900000000000000002","text":"Autre chose","created_at":"2026-03-01T12:00:00.000Z"},` +
				`{"id":"1900000000000000001","text":"Budget participatif &amp; vote : https://t.co/AbC123","created_at":"2026-03-01T12:00:00.000Z"}],` +
				`"meta":{"result_count":2,"newest_id":"1900000000000000002","oldest_id":"1900000000000000001"}}`))
		default:
			t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
			w.WriteHeader(http.StatusNotFound)
		}
	})
}

// TestLostAnswerReconciledFromOwnPosts: X's answer to POST /2/tweets is
// lost; instead of leaving the delivery outcome_unknown, Publish reads the
// account's posts since the attempt, finds the one with the text (its link
// rewritten as t.co) and returns it. One post was sent; the reads are
// counted in the day's spend.
func TestLostAnswerReconciledFromOwnPosts(t *testing.T) {
	var posts atomic.Int32
	var since string
	f := timelineFake(t, &posts, &since)
	c := New(nil, "")
	start := time.Now()
	rc, err := c.Publish(context.Background(), f.account(), connectors.Draft{Text: "Budget participatif & vote : https://paris.fr/budget"}, "k")
	require.NoError(t, err)
	require.Equal(t, "1900000000000000001", rc.RemoteID)
	require.EqualValues(t, 1, posts.Load())
	at, err := time.Parse(time.RFC3339, since)
	require.NoError(t, err)
	require.WithinDuration(t, start.Add(-2*time.Minute), at, 5*time.Second, "read since the attempt")
	n, dollars := c.ReconcileSpend()
	require.Equal(t, 1, n)
	require.InDelta(t, PriceUserRead+2*PricePostRead, dollars, 1e-9)

	_, err = c.Publish(context.Background(), f.account(), connectors.Draft{Text: "Un texte jamais publié"}, "k2")
	require.Equal(t, connectors.OutcomeUnknown, connectors.ClassOf(err), "not found: a person decides")
}

// TestReconcileCapPerDay: past MaxLookupsPerDay, LookupDraft reads nothing
// and says so.
func TestReconcileCapPerDay(t *testing.T) {
	var posts atomic.Int32
	var since string
	f := timelineFake(t, &posts, &since)
	c := New(nil, "")
	c.spend = ledger{day: today(), lookups: MaxLookupsPerDay}
	_, found, err := c.LookupDraft(context.Background(), f.account(), connectors.Draft{Text: "x"}, "k", time.Now())
	require.False(t, found)
	require.ErrorIs(t, err, ErrLookupCap)
	require.Zero(t, f.count(), "no request past the cap")
	require.True(t, strings.Contains(err.Error(), "cap"))
}
