package bluesky

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"path"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/connectors"
	peer "github.com/relais/relais/internal/testpeer/bluesky"
)

// TestPDSQuoteWithAndWithoutImages: a draft quoting a post is published
// with an app.bsky.embed.record naming it (URI and CID), and with images
// as an app.bsky.embed.recordWithMedia holding both; the real PDS
// accepts both records.
func TestPDSQuoteWithAndWithoutImages(t *testing.T) {
	t.Parallel()
	p := peer.Start(t)
	a, acc := pdsAccount(t, p, p.URL)
	c := New(nil, "")
	orig, err := c.Publish(context.Background(), a, connectors.Draft{Text: "Au marché d'Aligre"}, "orig")
	require.NoError(t, err)
	posts := listPosts(t, acc.DID)
	require.Len(t, posts, 1)
	cid := recordCID(t, p, acc.DID, orig.RemoteID)
	q := &connectors.Quote{URI: orig.RemoteID, CID: cid}

	_, err = c.Publish(context.Background(), a, connectors.Draft{Text: "Bravo", Quote: q}, "quote")
	require.NoError(t, err)
	d := connectors.Draft{Text: "En images", Quote: q, Media: []connectors.Media{{Filename: "a.png", ContentType: "image/png", Data: pngOf(t, 40, 30), AltText: "Affiche"}}}
	_, err = c.Publish(context.Background(), a, d, "quote-img")
	require.NoError(t, err)

	embeds := map[string]map[string]any{}
	for _, post := range listPosts(t, acc.DID) {
		if e, ok := post["embed"].(map[string]any); ok {
			embeds[post["text"].(string)] = e
		}
	}
	require.Equal(t, "app.bsky.embed.record", embeds["Bravo"]["$type"])
	require.Equal(t, map[string]any{"uri": orig.RemoteID, "cid": cid}, embeds["Bravo"]["record"])
	rwm := embeds["En images"]
	require.Equal(t, "app.bsky.embed.recordWithMedia", rwm["$type"])
	require.Equal(t, "app.bsky.embed.images", rwm["media"].(map[string]any)["$type"])
	rec := rwm["record"].(map[string]any)
	require.Equal(t, "app.bsky.embed.record", rec["$type"])
	require.Equal(t, map[string]any{"uri": orig.RemoteID, "cid": cid}, rec["record"])
}

// recordCID reads the CID of the post at uri in did's repository
// (com.atproto.repo.getRecord).
func recordCID(t *testing.T, p *peer.PDS, did, uri string) string {
	q := url.Values{"repo": {did}, "collection": {Collection}, "rkey": {path.Base(uri)}}
	res, err := http.Get(p.URL + "/xrpc/com.atproto.repo.getRecord?" + q.Encode())
	require.NoError(t, err)
	defer res.Body.Close()
	var out struct {
		CID string `json:"cid"`
	}
	require.NoError(t, json.NewDecoder(res.Body).Decode(&out))
	require.NotEmpty(t, out.CID)
	return out.CID
}
