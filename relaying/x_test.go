package relaying

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

// fakeX answers as X API v2 documents: GET /2/users/:id/tweets honours
// exclude and max_results (5-100) and returns {"data":[Post]}; POST
// /2/users/:id/retweets {"tweet_id"} returns {"data":{"retweeted":true}};
// POST /2/tweets with quote_tweet_id returns {"data":{"id","text"}}.
func fakeX(t *testing.T, seen *[]string) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		*seen = append(*seen, r.Method+" "+r.URL.Path)
		var in map[string]string
		if r.Method == "POST" && json.NewDecoder(r.Body).Decode(&in) != nil {
			w.WriteHeader(400)
			return
		}
		switch {
		case r.URL.Path == "/2/users/42/tweets":
			q := r.URL.Query()
			if q.Get("exclude") != "replies,retweets" || q.Get("max_results") != "10" {
				w.WriteHeader(400)
				_, _ = w.Write([]byte(`{"title":"Invalid Request"}`))
				return
			}
			_, _ = w.Write([]byte(`{"data":[{"id":"1869","text":"Au marché de Belleville","created_at":"2026-12-01T09:00:00.000Z"}],"meta":{"result_count":1}}`))
		case r.URL.Path == "/2/users/7/retweets" && in["tweet_id"] == "1869":
			_, _ = w.Write([]byte(`{"data":{"retweeted":true}}`))
		case r.URL.Path == "/2/tweets" && in["quote_tweet_id"] == "1869" && in["text"] != "":
			w.WriteHeader(201)
			_, _ = w.Write([]byte(`{"data":{"id":"1870","text":"` + in["text"] + `"}}`))
		default:
			w.WriteHeader(403)
			_, _ = w.Write([]byte(`{"title":"Forbidden","detail":"You are not allowed"}`))
		}
	}))
}

func TestXUserPostsRepostQuote(t *testing.T) {
	var seen []string
	srv := fakeX(t, &seen)
	defer srv.Close()
	c := &Client{HTTP: http.DefaultClient}
	ctx := context.Background()
	items, err := c.XRecent(ctx, srv.URL, "42", 50)
	require.NoError(t, err, "reads are capped at XReadCap")
	require.Len(t, items, 1)
	require.Equal(t, "1869", items[0].ID)
	require.NoError(t, c.XRepost(ctx, srv.URL, "7", "1869"))
	id, err := c.XQuote(ctx, srv.URL, "Bravo à notre colistier", "1869")
	require.NoError(t, err)
	require.Equal(t, "1870", id)
	require.Error(t, c.XRepost(ctx, srv.URL, "8", "1869"))
	require.Equal(t, []string{"GET /2/users/42/tweets", "POST /2/users/7/retweets", "POST /2/tweets", "POST /2/users/8/retweets"}, seen)
}
