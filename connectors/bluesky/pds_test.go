package bluesky

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"net/http"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	lexutil "github.com/bluesky-social/indigo/lex/util"
	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	peer "github.com/relais/relais/internal/testpeer/bluesky"
	"github.com/stretchr/testify/require"
)

// These tests run against the real PDS (internal/testpeer/bluesky), each
// on fresh accounts.

var accountIDs atomic.Int64

// pdsAccount makes a fresh PDS account reached through base.
func pdsAccount(t *testing.T, p *peer.PDS, base string) (relais.Account, peer.Account) {
	acc := p.CreateAccount(t, "rel")
	a := relais.Account{ID: accountIDs.Add(1), Platform: relais.PlatformBluesky, Handle: acc.Handle, BaseURL: base,
		Credentials: map[string]string{CredIdentifier: acc.Handle, CredAppPassword: acc.AppPassword}}
	return a, acc
}

// listPosts returns the posts in did's repository, read on the PDS itself.
func listPosts(t *testing.T, did string) []map[string]any {
	q := url.Values{"repo": {did}, "collection": {Collection}}
	res, err := http.Get(peer.URL + "/xrpc/com.atproto.repo.listRecords?" + q.Encode())
	require.NoError(t, err)
	defer res.Body.Close()
	var out struct {
		Records []struct {
			Value map[string]any `json:"value"`
		} `json:"records"`
	}
	require.NoError(t, json.NewDecoder(res.Body).Decode(&out))
	posts := make([]map[string]any, 0, len(out.Records))
	for _, r := range out.Records {
		posts = append(posts, r.Value)
	}
	return posts
}

// TestPDSLostCreateRecordAnswer loses the PDS's answer to createRecord
// (the post is created, the client sees its connection close), on a
// keep-alive connection that carried earlier calls and on a fresh one.
// Publish looks the record up after the failure and returns the post;
// when that lookup fails too, Publish is retryable and the retry looks
// first: one post on the PDS, one createRecord sent.
func TestPDSLostCreateRecordAnswer(t *testing.T) {
	t.Parallel()
	p := peer.Start(t)
	for _, tc := range []struct {
		name      string
		keepAlive bool
	}{{"reused connection", true}, {"fresh connection", false}} {
		t.Run(tc.name, func(t *testing.T) {
			hc := &http.Client{Transport: &http.Transport{DisableKeepAlives: !tc.keepAlive}, Timeout: 30 * time.Second}
			d := connectors.Draft{Text: "Réunion publique ce soir à 19 h", Language: "fr"}

			px := newDropProxy(t, p.URL)
			px.drops = 1
			a, acc := pdsAccount(t, p, px.srv.URL)
			rc, err := New(hc, "").Publish(context.Background(), a, d, "lost-1")
			require.NoError(t, err, "the lookup after the lost answer finds the post")
			require.Equal(t, "at://"+acc.DID+"/"+Collection+"/"+RecordKey("lost-1"), rc.RemoteID)
			require.Equal(t, []bool{tc.keepAlive}, px.droppedOnRe, "the answer was dropped on the intended kind of connection")
			require.Equal(t, 1, px.n("com.atproto.repo.createRecord"))
			require.Len(t, listPosts(t, acc.DID), 1)

			px = newDropProxy(t, p.URL)
			px.drops, px.failGets = 1, 1
			a, acc = pdsAccount(t, p, px.srv.URL)
			c := New(hc, "")
			_, err = c.Publish(context.Background(), a, d, "lost-2")
			require.Equal(t, connectors.Retryable, connectors.ClassOf(err), "lost answer, failed lookup: %v", err)
			require.Equal(t, []bool{tc.keepAlive}, px.droppedOnRe)
			require.Len(t, listPosts(t, acc.DID), 1, "the PDS created the post although the answer was lost")
			rc, err = c.Publish(context.Background(), a, d, "lost-2")
			require.NoError(t, err)
			require.Equal(t, "at://"+acc.DID+"/"+Collection+"/"+RecordKey("lost-2"), rc.RemoteID)
			require.Equal(t, 1, px.n("com.atproto.repo.createRecord"), "the retry looked first and did not post again")
			require.Len(t, listPosts(t, acc.DID), 1)
		})
	}
}

// TestPDSRefusesSecondRecordAtSameKey shows why Publish looks first: the
// real PDS answers a second createRecord at an existing key with an error
// (500 "already a value at key" in 0.5.35), not with the first record.
func TestPDSRefusesSecondRecordAtSameKey(t *testing.T) {
	t.Parallel()
	p := peer.Start(t)
	_, acc := pdsAccount(t, p, p.URL)
	x := New(http.DefaultClient, p.URL).client(relais.Account{}, acc.AccessJwt)
	rkey := RecordKey("twice")
	in := &atproto.RepoCreateRecord_Input{Collection: Collection, Repo: acc.DID, Rkey: &rkey,
		Record: &lexutil.LexiconTypeDecoder{Val: &bsky.FeedPost{Text: "un", CreatedAt: time.Now().UTC().Format(time.RFC3339)}}}
	_, err := atproto.RepoCreateRecord(context.Background(), x, in)
	require.NoError(t, err)
	_, err = atproto.RepoCreateRecord(context.Background(), x, in)
	require.Error(t, err, "a second record at the same key")
	require.NotEqual(t, connectors.Permanent, connectors.ClassOf(err), "the PDS's answer looks retryable: only a lookup tells the truth")
}

func pngOf(t *testing.T, w, h int) []byte {
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, image.NewRGBA(image.Rect(0, 0, w, h))))
	return b.Bytes()
}

// TestPDSFrenchTypographyLinksAndImages publishes, on the real PDS, a text
// with the narrow and non-breaking spaces of French typography, a mention
// of another account, a bare domain and a hashtag, with an image: the PDS
// accepts it, and the stored record has the facets the reference client
// would make and the image's aspect ratio. The receipt URL reads the post
// on the account's own PDS.
func TestPDSFrenchTypographyLinksAndImages(t *testing.T) {
	t.Parallel()
	p := peer.Start(t)
	a, acc := pdsAccount(t, p, p.URL)
	_, other := pdsAccount(t, p, p.URL)
	text := "Budget participatif\u00a0! Avec @" + other.Handle + "\u202f: paris.fr/budget «\u00a0#Paris2026\u00a0» https://exemple.fr/a\u00a0?"
	d := connectors.Draft{Text: text, Language: "fr", Media: []connectors.Media{{Filename: "a.png", ContentType: "image/png", Data: pngOf(t, 40, 30), AltText: "Affiche"}}}
	c := New(nil, "")
	probs, err := c.ValidateFor(context.Background(), a, d)
	require.NoError(t, err)
	require.Empty(t, probs)
	rc, err := c.Publish(context.Background(), a, d, "typo-1")
	require.NoError(t, err)

	posts := listPosts(t, acc.DID)
	require.Len(t, posts, 1)
	got := map[string]string{}
	for _, f := range posts[0]["facets"].([]any) {
		fc := f.(map[string]any)
		idx := fc["index"].(map[string]any)
		feat := fc["features"].([]any)[0].(map[string]any)
		span := text[int(idx["byteStart"].(float64)):int(idx["byteEnd"].(float64))]
		for _, k := range []string{"did", "uri", "tag"} {
			if v, ok := feat[k].(string); ok {
				got[span] = v
			}
		}
	}
	require.Equal(t, map[string]string{
		"@" + other.Handle:     other.DID,
		"paris.fr/budget":      "https://paris.fr/budget",
		"#Paris2026":           "Paris2026",
		"https://exemple.fr/a": "https://exemple.fr/a",
	}, got)
	img := posts[0]["embed"].(map[string]any)["images"].([]any)[0].(map[string]any)
	require.Equal(t, map[string]any{"width": float64(40), "height": float64(30)}, img["aspectRatio"])

	res, err := http.Get(rc.URL)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode, "receipt URL %s", rc.URL)
	require.Contains(t, rc.URL, p.URL+"/xrpc/com.atproto.repo.getRecord?")
}

// TestPDSSessionReusedAcrossRestarts publishes once (one createSession),
// then a new Client, as after a restart, given the saved credentials,
// publishes without createSession; a dead access token is refreshed with
// refreshSession, still without createSession.
func TestPDSSessionReusedAcrossRestarts(t *testing.T) {
	t.Parallel()
	p := peer.Start(t)
	px := newDropProxy(t, p.URL)
	a, _ := pdsAccount(t, p, px.srv.URL)
	saved := map[string]string{}
	save := func(_ int64, access, refresh, did string) {
		saved[CredAccessJwt], saved[CredRefreshJwt], saved[CredDID] = access, refresh, did
	}
	c := New(nil, "")
	c.OnSession = save
	_, err := c.Publish(context.Background(), a, connectors.Draft{Text: "un"}, "s-1")
	require.NoError(t, err)
	require.Equal(t, 1, px.n("com.atproto.server.createSession"))
	require.NotEmpty(t, saved[CredDID])

	for k, v := range saved {
		a.Credentials[k] = v
	}
	restarted := New(nil, "")
	_, err = restarted.Publish(context.Background(), a, connectors.Draft{Text: "deux"}, "s-2")
	require.NoError(t, err)
	require.Equal(t, 1, px.n("com.atproto.server.createSession"), "the restarted client resumed the saved session")

	a.Credentials[CredAccessJwt] = "not-a-valid-token"
	again := New(nil, "")
	again.OnSession = save
	_, err = again.Publish(context.Background(), a, connectors.Draft{Text: "trois"}, "s-3")
	require.NoError(t, err)
	require.Equal(t, 1, px.n("com.atproto.server.createSession"))
	require.Equal(t, 1, px.n("com.atproto.server.refreshSession"))
	require.NotEqual(t, "not-a-valid-token", saved[CredAccessJwt])
}

// TestPDSUnknownMentionRefused checks mentions against the real PDS's
// com.atproto.identity.resolveHandle: an account that exists passes, one
// that does not is an "unknown_handle" problem, before anything is posted.
func TestPDSUnknownMentionRefused(t *testing.T) {
	t.Parallel()
	p := peer.Start(t)
	a, acc := pdsAccount(t, p, p.URL)
	_, other := pdsAccount(t, p, p.URL)
	c := New(nil, "")
	d := connectors.Draft{Text: "Merci @" + other.Handle + " et @personne-ici.test"}
	probs, err := c.ValidateFor(context.Background(), a, d)
	require.NoError(t, err)
	require.Len(t, probs, 1)
	require.Equal(t, "unknown_handle", probs[0].Code)
	require.Contains(t, probs[0].Message, "@personne-ici.test")
	require.Empty(t, connectors.ValidateFor(context.Background(), c, a, connectors.Draft{Text: "Merci @" + other.Handle}))
	require.Len(t, connectors.ValidateFor(context.Background(), c, a, d), 1)
	_, err = c.Publish(context.Background(), a, d, "m-1")
	require.Equal(t, connectors.Permanent, connectors.ClassOf(err))
	require.Empty(t, listPosts(t, acc.DID))
}

// TestPDSLookupAndWrongPassword: Lookup answers not found, then the post
// once published; a wrong app password is AuthExpired with nothing sent
// but createSession.
func TestPDSLookupAndWrongPassword(t *testing.T) {
	t.Parallel()
	p := peer.Start(t)
	px := newDropProxy(t, p.URL)
	a, _ := pdsAccount(t, p, px.srv.URL)
	c := New(nil, "")
	_, found, err := c.Lookup(context.Background(), a, "k")
	require.NoError(t, err)
	require.False(t, found)
	rc, err := c.Publish(context.Background(), a, connectors.Draft{Text: "Bonjour"}, "k")
	require.NoError(t, err)
	got, found, err := c.Lookup(context.Background(), a, "k")
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, rc, got)

	b, _ := pdsAccount(t, p, px.srv.URL)
	b.Credentials[CredAppPassword] = "aaaa-bbbb-cccc-dddd"
	_, err = New(nil, "").Publish(context.Background(), b, connectors.Draft{Text: "Bonjour"}, "k")
	require.Equal(t, connectors.AuthExpired, connectors.ClassOf(err), "%v", err)
	require.Equal(t, 2, px.n("com.atproto.server.createSession"))
	require.Equal(t, 1, px.n("com.atproto.repo.createRecord"))
}
