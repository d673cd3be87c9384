package videoup

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/internal/testpeer/bluesky"
)

// xrpc calls the real PDS.
func xrpc(t *testing.T, method, u, token string, in, out any) int {
	t.Helper()
	var body io.Reader
	if in != nil {
		b, _ := json.Marshal(in)
		body = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, u, body)
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if out != nil {
		if raw, ok := out.(*[]byte); ok {
			*raw = b
		} else {
			require.NoError(t, json.Unmarshal(b, out), "%s", b)
		}
	}
	return resp.StatusCode
}

// TestBlueskyVideoOnRealPDS uploads a clip as a blob to the real PDS,
// posts it with an app.bsky.embed.video embed, and reads both back.
func TestBlueskyVideoOnRealPDS(t *testing.T) {
	pds := bluesky.Start(t)
	acct := pds.CreateAccount(t, "video")
	f := clip(1 << 20) // the test PDS accepts blobs up to 5 MB
	c := &Client{HTTP: &http.Client{Timeout: 30 * time.Second}}
	blob, err := c.Bluesky(context.Background(), pds.URL, acct.AccessJwt, f)
	require.NoError(t, err)
	var ref struct {
		Ref struct {
			Link string `json:"$link"`
		} `json:"ref"`
		MimeType string `json:"mimeType"`
		Size     int64  `json:"size"`
	}
	require.NoError(t, json.Unmarshal(blob, &ref))
	require.Equal(t, "video/mp4", ref.MimeType)
	require.Equal(t, f.Size, ref.Size)

	rec := map[string]any{"$type": "app.bsky.feed.post", "text": "Au marché d'Aligre ce matin",
		"createdAt": time.Now().UTC().Format(time.RFC3339), "embed": BlueskyEmbed(blob, "Anne au marché", 1280, 720)}
	var created struct{ URI string }
	require.Equal(t, http.StatusOK, xrpc(t, "POST", pds.URL+"/xrpc/com.atproto.repo.createRecord", acct.AccessJwt,
		map[string]any{"repo": acct.DID, "collection": "app.bsky.feed.post", "record": rec}, &created))
	require.NotEmpty(t, created.URI)

	var got []byte
	require.Equal(t, http.StatusOK, xrpc(t, "GET", pds.URL+"/xrpc/com.atproto.sync.getBlob?"+
		url.Values{"did": {acct.DID}, "cid": {ref.Ref.Link}}.Encode(), "", nil, &got))
	require.Equal(t, sum(f), sha256.Sum256(got), "the PDS keeps the very bytes")

	// Another account's expired or forged token is refused (this PDS
	// answers a malformed token with 500 InternalServerError).
	_, err = c.Bluesky(context.Background(), pds.URL, "not-a-token", f)
	var pe *Error
	require.ErrorAs(t, err, &pe)
	require.GreaterOrEqual(t, pe.Status, 400)
}
