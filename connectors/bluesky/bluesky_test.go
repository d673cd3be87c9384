package bluesky

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/relais/relais/connectors"
	"github.com/stretchr/testify/require"
)

func TestRecordKeyIsDeterministicTID(t *testing.T) {
	t.Parallel()
	k := RecordKey("delivery-42")
	require.Equal(t, k, RecordKey("delivery-42"))
	require.NotEqual(t, k, RecordKey("delivery-43"))
	tid, err := syntax.ParseTID(k)
	require.NoError(t, err)
	require.True(t, tid.Time().Before(time.Now()))
	_, err = syntax.ParseRecordKey(k)
	require.NoError(t, err)
}

func TestPublishFacetsAndRecordKey(t *testing.T) {
	t.Parallel()
	f := mustFake(t)
	// "É" and "é" are two bytes each, "🎉" four: offsets are UTF-8 bytes.
	text := "Élection : réunion avec @alice.bsky.social et @bob.example.fr. Programme : https://exemple.fr/programme?q=été, #Paris2026 #2026 🎉 #Écologie!"
	c := New(nil, "")
	rc, err := c.Publish(context.Background(), f.account(), connectors.Draft{Text: text, Language: "fr"}, "delivery-42")
	require.NoError(t, err)
	rkey := RecordKey("delivery-42")
	require.Equal(t, "at://"+did+"/app.bsky.feed.post/"+rkey, rc.RemoteID)
	require.Equal(t, f.srv.URL+"/xrpc/com.atproto.repo.getRecord?collection=app.bsky.feed.post&repo="+url.QueryEscape(did)+"&rkey="+rkey, rc.URL,
		"an account on its own PDS gets a receipt URL on that PDS")

	rec := f.record(rkey)
	require.Equal(t, "app.bsky.feed.post", rec["$type"])
	require.Equal(t, text, rec["text"])
	require.Equal(t, []any{"fr"}, rec["langs"])
	type want struct {
		start, end int
		typ, key   string
		value      string
	}
	wants := []want{
		{26, 44, "app.bsky.richtext.facet#mention", "did", "did:plc:alice00000000000000000000"},
		{48, 63, "app.bsky.richtext.facet#mention", "did", "did:web:bob.example.fr"},
		{77, 113, "app.bsky.richtext.facet#link", "uri", "https://exemple.fr/programme?q=été"},
		{115, 125, "app.bsky.richtext.facet#tag", "tag", "Paris2026"},
		{137, 147, "app.bsky.richtext.facet#tag", "tag", "Écologie"},
	}
	fs := rec["facets"].([]any)
	require.Len(t, fs, len(wants))
	for i, w := range wants {
		fc := fs[i].(map[string]any)
		idx := fc["index"].(map[string]any)
		require.Equal(t, float64(w.start), idx["byteStart"], "facet %d", i)
		require.Equal(t, float64(w.end), idx["byteEnd"], "facet %d", i)
		feat := fc["features"].([]any)[0].(map[string]any)
		require.Equal(t, w.typ, feat["$type"])
		require.Equal(t, w.value, feat[w.key])
		// The byte range covers exactly the visible text of the feature.
		require.Equal(t, strings.Index(text, text[w.start:w.end]), w.start)
		require.Contains(t, []string{"@", "#", "h"}, string(text[w.start]))
	}
}

func TestPublishWithImageAndSessionHook(t *testing.T) {
	t.Parallel()
	f := mustFake(t)
	var saved []string
	c := New(nil, "")
	c.OnSession = func(id int64, access, refresh, _ string) { saved = append(saved, access, refresh) }
	d := connectors.Draft{Text: "Affiche", Media: []connectors.Media{{Filename: "a.png", ContentType: "image/png", Data: []byte("PNG"), AltText: "Affiche"}}}
	_, err := c.Publish(context.Background(), f.account(), d, "k")
	require.NoError(t, err)
	require.Equal(t, []string{"access-1", "refresh-1"}, saved)
	emb := f.record(RecordKey("k"))["embed"].(map[string]any)
	require.Equal(t, "app.bsky.embed.images", emb["$type"])
	img := emb["images"].([]any)[0].(map[string]any)
	require.Equal(t, "Affiche", img["alt"])
	require.Equal(t, "image/png", img["image"].(map[string]any)["mimeType"])
	require.Equal(t, []string{"POST com.atproto.server.createSession", "GET com.atproto.repo.getRecord", "POST com.atproto.repo.uploadBlob", "POST com.atproto.repo.createRecord"}, f.callList())
}

func TestExpiredTokenIsRefreshed(t *testing.T) {
	t.Parallel()
	f := mustFake(t)
	f.expired["access-1"] = true
	var saved []string
	c := New(nil, "")
	c.OnSession = func(id int64, access, refresh, _ string) { saved = append(saved, access+"/"+refresh) }
	_, err := c.Publish(context.Background(), f.account(), connectors.Draft{Text: "Bonjour"}, "k")
	require.NoError(t, err)
	require.Equal(t, []string{"access-1/refresh-1", "access-2/refresh-2"}, saved)
	require.Equal(t, []string{"POST com.atproto.server.createSession", "GET com.atproto.repo.getRecord", "POST com.atproto.repo.createRecord",
		"POST com.atproto.server.refreshSession", "GET com.atproto.repo.getRecord", "POST com.atproto.repo.createRecord"}, f.callList())
}

func TestBadMediaSendsNothing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		m    connectors.Media
		code string
	}{
		{"media type", connectors.Media{Filename: "a.tiff", ContentType: "image/tiff", Data: []byte("x")}, "media_type"},
		{"oversized image", connectors.Media{Filename: "a.jpg", ContentType: "image/jpeg", Data: bytes.Repeat([]byte("x"), MaxImageBytes+1)}, "media_too_large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := mustFake(t)
			_, err := New(nil, "").Publish(context.Background(), f.account(), connectors.Draft{Text: "a", Media: []connectors.Media{tt.m}}, "k")
			require.Equal(t, connectors.Permanent, connectors.ClassOf(err))
			var p connectors.Problem
			require.ErrorAs(t, err, &p)
			require.Equal(t, tt.code, p.Code)
			require.Empty(t, f.callList())
		})
	}
}

// The fake stays for what a real PDS here cannot be made to answer, each
// as Bluesky documents it: 429 RateLimitExceeded with ratelimit-limit,
// -remaining, -reset and -policy headers (docs.bsky.app/docs/advanced-guides/rate-limits),
// 502 UpstreamFailure from the entryway, 400 ExpiredToken after the access
// token's two hours (atproto.com/specs/xrpc, "Authentication"), a call that
// never answers, and the bsky.social handles of TestPublishFacetsAndRecordKey.
// Lost answers, lookups, sessions, mentions, facets and images run against
// the real PDS (pds_test.go).
func TestPublishErrors(t *testing.T) {
	t.Parallel()
	reset := time.Now().Add(3 * time.Minute).Truncate(time.Second).UTC()
	tests := []struct {
		name   string
		status int
		header map[string]string
		body   string
		class  connectors.Class
	}{
		{"invalid record", 400, nil, `{"error":"InvalidRecord","message":"Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes"}`, connectors.Permanent},
		{"unauthorized", 401, nil, `{"error":"AuthenticationRequired","message":"Invalid identifier or password"}`, connectors.AuthExpired},
		{"rate limited", 429, map[string]string{"ratelimit-limit": "5000", "ratelimit-remaining": "0", "ratelimit-reset": itoa(reset.Unix()), "ratelimit-policy": "5000;w=3600"},
			`{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}`, connectors.RateLimited},
		{"server error", 502, nil, `{"error":"UpstreamFailure","message":"Upstream Failure"}`, connectors.Retryable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := mustFake(t)
			f.override = func(w http.ResponseWriter, r *http.Request, body []byte) bool {
				if !strings.HasSuffix(r.URL.Path, "createRecord") {
					return false
				}
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				w.Write([]byte(tt.body))
				return true
			}
			_, err := New(nil, "").Publish(context.Background(), f.account(), connectors.Draft{Text: "Bonjour"}, "k")
			require.Equal(t, tt.class, connectors.ClassOf(err), err.Error())
			if tt.class == connectors.RateLimited {
				require.Equal(t, reset, connectors.UntilOf(err))
			}
		})
	}
}

func TestTimeoutIsRetryable(t *testing.T) {
	t.Parallel()
	f := mustFake(t)
	block := make(chan struct{})
	defer close(block)
	f.override = func(w http.ResponseWriter, r *http.Request, body []byte) bool {
		if strings.HasSuffix(r.URL.Path, "createRecord") {
			<-block
			return true
		}
		return false
	}
	_, err := New(&http.Client{Timeout: 50 * time.Millisecond}, "").Publish(context.Background(), f.account(), connectors.Draft{Text: "Bonjour"}, "k")
	require.Equal(t, connectors.Retryable, connectors.ClassOf(err), err.Error())
}

func itoa(n int64) string { return strconvI(n) }

func TestTextOverLimitSendsNothing(t *testing.T) {
	t.Parallel()
	f := mustFake(t)
	d := connectors.Draft{Text: strings.Repeat("🇫🇷", 301)} // 301 graphemes
	probs := New(nil, "").Validate(d)
	require.NotEmpty(t, probs)
	require.Equal(t, "too_long", probs[0].Code)
	_, err := New(nil, "").Publish(context.Background(), f.account(), d, "k")
	require.Equal(t, connectors.Permanent, connectors.ClassOf(err))
	require.Empty(t, f.callList())
	require.Empty(t, New(nil, "").Validate(connectors.Draft{Text: strings.Repeat("é", 300)}))
}
