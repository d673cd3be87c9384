package x

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/connectors"
)

// TestMetricsContract reads public metrics through GET /2/tweets as
// documented (https://docs.x.com/x-api/posts/get-posts-by-ids: ids
// comma-separated, at most 100; tweet.fields=public_metrics gives
// retweet_count, reply_count, like_count, quote_count, impression_count;
// ids not found come back in errors[]), signed with OAuth 1.0a, in batches
// of 100 through connectors.MetricsFor; a 429 is rate-limited.
func TestMetricsContract(t *testing.T) {
	t.Parallel()
	var batches []int
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, _ []byte) {
		require.Equal(t, "GET /2/tweets", r.Method+" "+r.URL.Path)
		require.Equal(t, "public_metrics", r.URL.Query().Get("tweet.fields"))
		ids := strings.Split(r.URL.Query().Get("ids"), ",")
		if ids[0] == "429" {
			w.Header().Set("x-rate-limit-reset", "1900000000")
			w.WriteHeader(http.StatusTooManyRequests)
			w.Write([]byte(`{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`))
			return
		}
		batches = append(batches, len(ids))
		var data, errs []string
		for i, id := range ids {
			if id == "gone" {
				errs = append(errs, `{"value":"gone","detail":"Could not find tweet with ids: [gone].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"gone","type":"https://api.twitter.com/2/problems/resource-not-found"}`)
				continue
			}
			data = append(data, fmt.Sprintf(`{"id":%q,"text":"t","edit_history_tweet_ids":[%q],"public_metrics":{"retweet_count":%d,"reply_count":1,"like_count":5,"quote_count":0,"bookmark_count":2,"impression_count":900}}`, id, id, i))
		}
		fmt.Fprintf(w, `{"data":[%s],"errors":[%s]}`, strings.Join(data, ","), strings.Join(errs, ","))
	})
	c := New(f.srv.Client(), "")
	var ids []string
	for i := 0; i < 150; i++ {
		ids = append(ids, fmt.Sprint(1800000000000000000+i))
	}
	ids = append(ids, "gone")
	got, ok, err := connectors.MetricsFor(context.Background(), c, f.account(), ids)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, []int{100, 51}, batches)
	require.Len(t, got, 150, "the deleted post is missing, not zero")
	require.Equal(t, connectors.Metrics{Likes: connectors.Count(5), Reposts: connectors.Count(3), Replies: connectors.Count(1),
		Quotes: connectors.Count(0), Views: connectors.Count(900)}, got[ids[3]])
	require.InDelta(t, 0.75, ReadCost(150), 1e-9)
	_, err = c.Metrics(context.Background(), f.account(), "429")
	require.Equal(t, connectors.RateLimited, connectors.ClassOf(err))
}
