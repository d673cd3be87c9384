package relaying

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/internal/testpeer/bluesky"
)

func TestBlueskyReadRepostOnRealPDS(t *testing.T) {
	pds := bluesky.Start(t)
	col, camp := pds.CreateAccount(t, "col"), pds.CreateAccount(t, "camp")
	c := &Client{HTTP: &http.Client{Timeout: 20 * time.Second}}
	ctx := context.Background()
	now := time.Now().UTC().Format(time.RFC3339)
	first, err := c.createRecord(ctx, pds.URL, col.AccessJwt, col.DID, "app.bsky.feed.post",
		map[string]any{"$type": "app.bsky.feed.post", "text": "Ce matin au conseil de quartier du 11e", "createdAt": now})
	require.NoError(t, err)
	items, err := c.BlueskyRecent(ctx, pds.URL, col.DID, 10)
	require.NoError(t, err)
	require.Len(t, items, 1)
	require.Equal(t, first, items[0].URI)
	_, err = c.createRecord(ctx, pds.URL, col.AccessJwt, col.DID, "app.bsky.feed.post", map[string]any{"$type": "app.bsky.feed.post",
		"text": "Merci !", "createdAt": now, "reply": map[string]any{"root": map[string]string{"uri": items[0].URI, "cid": items[0].ID},
			"parent": map[string]string{"uri": items[0].URI, "cid": items[0].ID}}})
	require.NoError(t, err)
	again, err := c.BlueskyRecent(ctx, pds.URL, col.DID, 10)
	require.NoError(t, err)
	require.Len(t, again, 1, "replies are not offered for relaying")

	repost, err := c.BlueskyRepost(ctx, pds.URL, camp.AccessJwt, camp.DID, items[0])
	require.NoError(t, err)

	var rec struct {
		Value struct {
			Subject struct{ URI, CID string } `json:"subject"`
		} `json:"value"`
	}
	get := func(uri, collection string) {
		rkey := uri[len(uri)-13:]
		resp, err := http.Get(pds.URL + "/xrpc/com.atproto.repo.getRecord?repo=" + camp.DID + "&collection=" + collection + "&rkey=" + rkey)
		require.NoError(t, err)
		defer resp.Body.Close()
		require.Equal(t, 200, resp.StatusCode)
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&rec))
	}
	get(repost, "app.bsky.feed.repost")
	require.Equal(t, items[0].URI, rec.Value.Subject.URI)
	require.Equal(t, items[0].ID, rec.Value.Subject.CID)

	_, err = c.BlueskyRepost(ctx, pds.URL, camp.AccessJwt, col.DID, items[0])
	require.Error(t, err, "the campaign cannot write in the colistier's repository")
}

// fakeMastodon answers as documented: GET /api/v1/accounts/:id/statuses
// (https://docs.joinmastodon.org/methods/accounts/#statuses) honours
// exclude_replies and exclude_reblogs and returns Status objects; POST
// /api/v1/statuses/:id/reblog (https://docs.joinmastodon.org/methods/statuses/#boost)
// returns the boost, a Status whose reblog is the original.
func fakeMastodon(t *testing.T) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("Authorization") != "Bearer tok" {
			w.WriteHeader(401)
			_, _ = w.Write([]byte(`{"error":"The access token is invalid"}`))
			return
		}
		switch {
		case r.Method == "GET" && r.URL.Path == "/api/v1/accounts/109/statuses":
			if r.URL.Query().Get("exclude_replies") != "true" || r.URL.Query().Get("exclude_reblogs") != "true" {
				_, _ = w.Write([]byte(`[{"id":"1","url":"https://m.example/@x/1","content":"<p>reply</p>","visibility":"public","in_reply_to_id":"7","created_at":"2026-12-01T09:00:00.000Z"}]`))
				return
			}
			_, _ = w.Write([]byte(`[{"id":"2","url":"https://m.example/@col/2","content":"<p>Au marché</p>","visibility":"public","created_at":"2026-12-01T10:00:00.000Z"},
				{"id":"3","url":"https://m.example/@col/3","content":"<p>privé</p>","visibility":"private","created_at":"2026-12-01T11:00:00.000Z"}]`))
		case r.Method == "POST" && r.URL.Path == "/api/v1/statuses/2/reblog":
			_, _ = w.Write([]byte(`{"id":"99","reblog":{"id":"2"},"visibility":"public"}`))
		default:
			w.WriteHeader(404)
			_, _ = w.Write([]byte(`{"error":"Record not found"}`))
		}
	}))
}

func TestMastodonStatusesAndReblog(t *testing.T) {
	srv := fakeMastodon(t)
	defer srv.Close()
	c := &Client{HTTP: http.DefaultClient}
	items, err := c.MastodonRecent(context.Background(), srv.URL, "tok", "109", 20)
	require.NoError(t, err)
	require.Len(t, items, 1, "only public statuses")
	require.Equal(t, "2", items[0].ID)
	id, err := c.MastodonReblog(context.Background(), srv.URL, "tok", items[0].ID)
	require.NoError(t, err)
	require.Equal(t, "99", id)
	_, err = c.MastodonReblog(context.Background(), srv.URL, "tok", "404")
	var pe *Error
	require.ErrorAs(t, err, &pe)
	require.Equal(t, 404, pe.Status)
	_, err = c.MastodonRecent(context.Background(), srv.URL, "bad", "109", 20)
	require.ErrorAs(t, err, &pe)
}
