package bluesky

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/connectors"
)

// TestMetricsContract reads counts through app.bsky.feed.getPosts as
// documented (https://docs.bsky.app/docs/api/app-bsky-feed-get-posts:
// repeated uris parameter, at most 25; posts[] with likeCount,
// repostCount, replyCount, quoteCount; missing posts are left out), in
// batches of 25 through connectors.MetricsFor.
func TestMetricsContract(t *testing.T) {
	t.Parallel()
	f := mustFake(t)
	var batches []int
	f.override = func(w http.ResponseWriter, r *http.Request, _ []byte) bool {
		if !strings.HasSuffix(r.URL.Path, "app.bsky.feed.getPosts") {
			return false
		}
		require.True(t, strings.HasPrefix(r.Header.Get("Authorization"), "Bearer access-"))
		uris := r.URL.Query()["uris"]
		batches = append(batches, len(uris))
		var posts []string
		for i, u := range uris {
			if strings.HasSuffix(u, "/gone") {
				continue
			}
			posts = append(posts, fmt.Sprintf(`{"uri":%q,"cid":"bafy","author":{"did":%q,"handle":"anne.bsky.social"},"record":{},"indexedAt":"2026-12-01T10:00:00Z","likeCount":%d,"repostCount":2,"replyCount":1,"quoteCount":0}`, u, did, 10+i))
		}
		fmt.Fprintf(w, `{"posts":[%s]}`, strings.Join(posts, ","))
		return true
	}
	c := New(f.srv.Client(), "")
	var uris []string
	for i := 0; i < 30; i++ {
		uris = append(uris, fmt.Sprintf("at://%s/app.bsky.feed.post/3k%03d", did, i))
	}
	uris = append(uris, "at://"+did+"/app.bsky.feed.post/gone")
	got, ok, err := connectors.MetricsFor(context.Background(), c, f.account(), uris)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, []int{25, 6}, batches)
	require.Len(t, got, 30, "the deleted post is missing, not zero")
	require.Equal(t, connectors.Metrics{Likes: connectors.Count(10), Reposts: connectors.Count(2), Replies: connectors.Count(1),
		Quotes: connectors.Count(0)}, got[uris[0]])
	require.EqualValues(t, 10+4, *got[uris[29]].Likes, "second batch, fifth URI")
	_, err = c.Metrics(context.Background(), f.account(), uris[30])
	require.Equal(t, connectors.Permanent, connectors.ClassOf(err))
}
