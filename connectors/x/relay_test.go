package x

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/connectors"
)

// relayAPI answers as X API v2 documents, for the account 2244994945:
// GET /2/users/me → {"data":{"id","username"}}
// (https://docs.x.com/x-api/users/user-lookup-me); GET
// /2/users/:id/tweets honours exclude and max_results (5–100) and returns
// {"data":[Post],"meta"} (https://docs.x.com/x-api/posts/user-posts-timeline-by-user-id);
// POST /2/users/:id/retweets {"tweet_id"} → {"data":{"retweeted":true}},
// only for the authenticated user's id (https://docs.x.com/x-api/posts/retweet-post);
// POST /2/tweets with quote_tweet_id → 201 {"data":{"id","text"}}
// (https://docs.x.com/x-api/posts/create-post).
func relayAPI(w http.ResponseWriter, r *http.Request, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	var in map[string]any
	_ = json.Unmarshal(body, &in)
	switch {
	case r.Method == "GET" && r.URL.Path == "/2/users/me":
		_, _ = w.Write([]byte(`{"data":{"id":"2244994945","name":"Anne","username":"AnneParis"}}`))
	case r.Method == "GET" && r.URL.Path == "/2/users/2244994945/tweets":
		q := r.URL.Query()
		if q.Get("exclude") != "replies,retweets" || q.Get("max_results") != "10" {
			w.WriteHeader(400)
			_, _ = w.Write([]byte(`{"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}`))
			return
		}
		_, _ = w.Write([]byte(`{"data":[{"id":"1869","text":"Au marché de Belleville ce matin","created_at":"2026-12-01T09:00:00.000Z","edit_history_tweet_ids":["1869"]}],"meta":{"result_count":1,"newest_id":"1869","oldest_id":"1869"}}`))
	case r.Method == "POST" && r.URL.Path == "/2/users/2244994945/retweets" && in["tweet_id"] == "1869":
		_, _ = w.Write([]byte(`{"data":{"retweeted":true}}`))
	case r.Method == "POST" && r.URL.Path == "/2/tweets" && in["quote_tweet_id"] == "1869" && in["text"] != "":
		w.WriteHeader(201)
		_, _ = w.Write([]byte(`{"data":{"id":"1870","text":"Bravo"}}`))
	default:
		w.WriteHeader(403)
		_, _ = w.Write([]byte(`{"title":"Forbidden","detail":"You are not allowed to perform this action.","type":"about:blank","status":403}`))
	}
}

// TestOwnPostsRepostAndQuote: the account's own posts are read with
// its signed credentials (capped at OwnPostsMax, no replies or
// reposts), reposted by its user id, and a draft quoting a post sends
// quote_tweet_id; a refused repost is an error.
func TestOwnPostsRepostAndQuote(t *testing.T) {
	f := mustFake(t, relayAPI)
	c, ctx := New(nil, ""), context.Background()
	posts, err := c.OwnPosts(ctx, f.account())
	require.NoError(t, err)
	require.Len(t, posts, 1)
	require.Equal(t, "1869", posts[0].ID)
	require.Equal(t, 2026, posts[0].CreatedAt.Year())
	require.NoError(t, c.Repost(ctx, f.account(), "1869"))
	require.Error(t, c.Repost(ctx, f.account(), "404"), "X refused")

	rc, err := c.Publish(ctx, f.account(), connectors.Draft{Text: "Bravo", Quote: &connectors.Quote{ID: "1869"}}, "k1")
	require.NoError(t, err)
	require.Equal(t, "1870", rc.RemoteID)
	var sent map[string]any
	require.NoError(t, json.Unmarshal(f.bodies[len(f.bodies)-1], &sent))
	require.Equal(t, "1869", sent["quote_tweet_id"])

	a := f.account()
	a.Credentials = map[string]string{CredUserID: "2244994945"}
	for k, v := range creds {
		a.Credentials[k] = v
	}
	before := f.count()
	_, err = c.OwnPosts(ctx, a)
	require.NoError(t, err)
	require.Equal(t, before+1, f.count(), "a known user id is not read again")
}
