package videopost_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/internal/testpeer/bluesky"
	"github.com/relais/relais/videopost"
)

// TestBlueskyVideoPostOnRealPDS publishes a video post on the real PDS:
// session from the app password, the clip as a blob, a post whose embed is
// app.bsky.embed.video; the record and the blob are read back.
func TestBlueskyVideoPostOnRealPDS(t *testing.T) {
	pds := bluesky.Start(t)
	acct := pds.CreateAccount(t, "vpost")
	pw := acct.AppPassword
	if pw == "" {
		pw = acct.Password
	}
	f := newFixture(t, 1<<20) // the test PDS takes blobs up to 5 MB
	a := relais.Account{Platform: relais.PlatformBluesky, BaseURL: pds.URL,
		Credentials: map[string]string{"identifier": acct.Handle, "app_password": pw}}
	r, err := f.pub.Publish(context.Background(), a, videopost.Post{Text: "Au marché d'Aligre", Lang: "fr", Video: f.v})
	require.NoError(t, err)
	require.Contains(t, r.RemoteID, "at://"+acct.DID+"/app.bsky.feed.post/")

	var rec struct {
		Value struct {
			Text  string
			Embed struct {
				Type        string `json:"$type"`
				Alt         string
				AspectRatio struct{ Width, Height int }
				Video       struct {
					Ref struct {
						Link string `json:"$link"`
					} `json:"ref"`
					MimeType string
				}
			}
		}
	}
	q := url.Values{"repo": {acct.DID}, "collection": {"app.bsky.feed.post"}, "rkey": {r.RemoteID[len("at://"+acct.DID+"/app.bsky.feed.post/"):]}}
	getJSON(t, pds.URL+"/xrpc/com.atproto.repo.getRecord?"+q.Encode(), &rec)
	require.Equal(t, "Au marché d'Aligre", rec.Value.Text)
	require.Equal(t, "app.bsky.embed.video", rec.Value.Embed.Type)
	require.Equal(t, "Anne au marché", rec.Value.Embed.Alt)
	require.Equal(t, 1280, rec.Value.Embed.AspectRatio.Width)
	require.Equal(t, "video/mp4", rec.Value.Embed.Video.MimeType)

	resp, err := http.Get(pds.URL + "/xrpc/com.atproto.sync.getBlob?" + url.Values{"did": {acct.DID}, "cid": {rec.Value.Embed.Video.Ref.Link}}.Encode())
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	s := sha256.Sum256(b)
	require.Equal(t, f.clip.SHA256, hex.EncodeToString(s[:]), "the PDS holds the approved bytes")
}

func getJSON(t *testing.T, u string, out any) {
	t.Helper()
	resp, err := http.Get(u)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	require.Equal(t, 200, resp.StatusCode, "%s", b)
	require.NoError(t, json.Unmarshal(b, out))
}
