package videopost_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"path"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/internal/testpeer/bluesky"
	"github.com/relais/relais/videopost"
)

// TestBlueskyVideoQuoteOnRealPDS: a video post that quotes a post is
// published with an app.bsky.embed.recordWithMedia holding the video
// (media) and the quoted post's URI and CID (record); the real PDS
// accepts it and serves it back.
func TestBlueskyVideoQuoteOnRealPDS(t *testing.T) {
	pds := bluesky.Start(t)
	acct := pds.CreateAccount(t, "vquote")
	b, _ := json.Marshal(map[string]any{"repo": acct.DID, "collection": "app.bsky.feed.post",
		"record": map[string]any{"$type": "app.bsky.feed.post", "text": "Conseil de quartier", "createdAt": time.Now().UTC().Format(time.RFC3339)}})
	req, _ := http.NewRequest("POST", pds.URL+"/xrpc/com.atproto.repo.createRecord", bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+acct.AccessJwt)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	var orig struct{ URI, CID string }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&orig))
	resp.Body.Close()
	require.NotEmpty(t, orig.CID)

	f := newFixture(t, 1<<20)
	a := relais.Account{Platform: relais.PlatformBluesky, BaseURL: pds.URL,
		Credentials: map[string]string{"identifier": acct.Handle, "app_password": acct.AppPassword}}
	r, err := f.pub.Publish(context.Background(), a, videopost.Post{Text: "En vidéo", Lang: "fr", Video: f.v,
		Quote: &connectors.Quote{URI: orig.URI, CID: orig.CID}})
	require.NoError(t, err)

	var rec struct {
		Value struct {
			Embed struct {
				Type  string `json:"$type"`
				Media struct {
					Type string `json:"$type"`
				} `json:"media"`
				Record struct {
					Type   string                    `json:"$type"`
					Record struct{ URI, CID string } `json:"record"`
				} `json:"record"`
			} `json:"embed"`
		} `json:"value"`
	}
	q := url.Values{"repo": {acct.DID}, "collection": {"app.bsky.feed.post"}, "rkey": {path.Base(r.RemoteID)}}
	getJSON(t, pds.URL+"/xrpc/com.atproto.repo.getRecord?"+q.Encode(), &rec)
	require.Equal(t, "app.bsky.embed.recordWithMedia", rec.Value.Embed.Type)
	require.Equal(t, "app.bsky.embed.video", rec.Value.Embed.Media.Type)
	require.Equal(t, "app.bsky.embed.record", rec.Value.Embed.Record.Type)
	require.Equal(t, orig.URI, rec.Value.Embed.Record.Record.URI)
	require.Equal(t, orig.CID, rec.Value.Embed.Record.Record.CID)
}
