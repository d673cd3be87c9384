package mastodon

import (
	"bytes"
	"cmp"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/stretchr/testify/require"
)

const instanceBody = `{"domain":"mastodon.example","title":"Example","version":"4.5.0","configuration":{"urls":{"streaming":"wss://mastodon.example"},"statuses":{"max_characters":1000,"max_media_attachments":4,"characters_reserved_per_url":23},"media_attachments":{"supported_mime_types":["image/jpeg","image/png","image/gif","image/webp","video/mp4"],"image_size_limit":16777216,"image_matrix_limit":33177600}}}`

// fake is a Mastodon instance double on 127.0.0.1. It serves the instance
// document, honours Idempotency-Key like Mastodon and records requests.
type fake struct {
	srv      *httptest.Server
	mu       sync.Mutex
	calls    map[string]int // "METHOD path" -> count
	byKey    map[string]string
	statuses func(w http.ResponseWriter, r *http.Request, body []byte) bool // true if answered
	software string                                                         // nodeinfo software.name, "mastodon" by default
	instance string                                                         // GET /api/v2/instance's answer, instanceBody by default
}

func mustFake(t *testing.T, statuses func(w http.ResponseWriter, r *http.Request, body []byte) bool) *fake {
	t.Helper()
	f := &fake{calls: map[string]int{}, byKey: map[string]string{}, statuses: statuses}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.calls[r.Method+" "+r.URL.Path]++
		f.mu.Unlock()
		f.serve(t, w, r, body)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fake) serve(t *testing.T, w http.ResponseWriter, r *http.Request, body []byte) {
	switch r.Method + " " + r.URL.Path {
	case "GET /api/v2/instance":
		w.Write([]byte(cmp.Or(f.instance, instanceBody)))
		return
	case "GET /.well-known/nodeinfo", "GET /nodeinfo/2.0":
		f.nodeinfo(w, r)
		return
	}
	require.Equal(t, "Bearer tok-123", r.Header.Get("Authorization"))
	if f.statuses != nil && f.statuses(w, r, body) {
		return
	}
	require.Equal(t, "POST /api/v1/statuses", r.Method+" "+r.URL.Path)
	f.mu.Lock()
	defer f.mu.Unlock()
	key := r.Header.Get("Idempotency-Key")
	id, ok := f.byKey[key]
	if !ok {
		id = "1101" + string(rune('0'+len(f.byKey)))
		f.byKey[key] = id
	}
	w.Write([]byte(`{"id":"` + id + `","created_at":"2026-03-01T12:00:00.000Z","visibility":"public","language":"fr","uri":"https://mastodon.example/users/anne/statuses/` + id + `","url":"https://mastodon.example/@anne/` + id + `","content":"<p>x</p>","media_attachments":[]}`))
}

// nodeinfo serves NodeInfo discovery and document as Mastodon does
// (docs.joinmastodon.org/dev/routes/#well-known: /.well-known/nodeinfo
// links to /nodeinfo/2.0, whose software.name is "mastodon").
func (f *fake) nodeinfo(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/.well-known/nodeinfo" {
		w.Write([]byte(`{"links":[{"rel":"http://nodeinfo.diaspora.software/ns/schema/2.0","href":"` + f.srv.URL + `/nodeinfo/2.0"}]}`))
		return
	}
	name := f.software
	if name == "" {
		name = SoftwareMastodon
	}
	w.Write([]byte(`{"version":"2.0","software":{"name":"` + name + `","version":"4.5.0"},"protocols":["activitypub"]}`))
}

func (f *fake) count(call string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[call]
}

func (f *fake) total() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		n += c
	}
	return n
}

func (f *fake) account() relais.Account {
	return relais.Account{ID: 3, Platform: relais.PlatformMastodon, Handle: "@anne@mastodon.example",
		BaseURL: f.srv.URL, Credentials: map[string]string{CredAccessToken: "tok-123"}}
}

func TestPublishSendsIdempotencyKeyAndRetryReturnsSameStatus(t *testing.T) {
	t.Parallel()
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) bool {
		require.Equal(t, "application/json", r.Header.Get("Content-Type"))
		require.Equal(t, "delivery-42", r.Header.Get("Idempotency-Key"))
		require.JSONEq(t, `{"status":"Réunion publique ce soir à 19h #Paris","language":"fr","visibility":"public"}`, string(body))
		return false
	})
	c := New(nil, "", "")
	d := connectors.Draft{Text: "Réunion publique ce soir à 19h #Paris", Language: "fr"}
	rc1, err := c.Publish(context.Background(), f.account(), d, "delivery-42")
	require.NoError(t, err)
	rc2, err := c.Publish(context.Background(), f.account(), d, "delivery-42")
	require.NoError(t, err)
	require.Equal(t, rc1, rc2)
	require.Equal(t, connectors.Receipt{RemoteID: "11010", URL: "https://mastodon.example/@anne/11010"}, rc1)
	require.Equal(t, 1, f.count("GET /api/v2/instance"), "instance limits are cached")
}

func TestInstanceLimits(t *testing.T) {
	t.Parallel()
	f := mustFake(t, nil)
	in, err := New(nil, "", "").Instance(context.Background(), f.account())
	require.NoError(t, err)
	require.Equal(t, 1000, in.MaxChars)
	require.Equal(t, 23, in.URLReserved)
	require.Equal(t, 16777216, in.ImageSizeLimit)
}

func TestPublishWithImage(t *testing.T) {
	t.Parallel()
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) bool {
		switch r.URL.Path {
		case "/api/v2/media":
			mr, err := (&http.Request{Header: r.Header, Body: io.NopCloser(bytes.NewReader(body))}).MultipartReader()
			require.NoError(t, err)
			p, err := mr.NextPart()
			require.NoError(t, err)
			require.Equal(t, "file", p.FormName())
			require.Equal(t, "affiche.png", p.FileName())
			require.Equal(t, "image/png", p.Header.Get("Content-Type"))
			data, _ := io.ReadAll(p)
			require.Equal(t, "PNGDATA", string(data))
			p, err = mr.NextPart()
			require.NoError(t, err)
			require.Equal(t, "description", p.FormName())
			w.WriteHeader(http.StatusAccepted)
			w.Write([]byte(`{"id":"22","type":"image","url":null}`))
			return true
		case "/api/v1/media/22":
			w.Write([]byte(`{"id":"22","type":"image","url":"https://files.example/22.png"}`))
			return true
		}
		require.JSONEq(t, `{"status":"Affiche","visibility":"unlisted","media_ids":["22"]}`, string(body))
		return false
	})
	d := connectors.Draft{Text: "Affiche", Media: []connectors.Media{{Filename: "affiche.png", ContentType: "image/png", Data: []byte("PNGDATA"), AltText: "L'affiche de campagne"}}}
	_, err := New(nil, "", "unlisted").Publish(context.Background(), f.account(), d, "k")
	require.NoError(t, err)
}

func TestPublishErrors(t *testing.T) {
	t.Parallel()
	reset := time.Date(2026, 3, 1, 12, 5, 0, 0, time.UTC)
	tests := []struct {
		name    string
		status  int
		header  map[string]string
		body    string
		class   connectors.Class
		message string
	}{
		{"validation", 422, nil, `{"error":"Validation failed: Text character limit of 500 exceeded"}`, connectors.Permanent, "Validation failed: Text character limit of 500 exceeded"},
		{"unauthorized", 401, nil, `{"error":"The access token is invalid"}`, connectors.AuthExpired, "The access token is invalid"},
		{"rate limited", 429, map[string]string{"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2026-03-01T12:05:00.000000Z"}, `{"error":"Too many requests"}`, connectors.RateLimited, "Too many requests"},
		{"server error", 503, nil, `<html>503</html>`, connectors.Retryable, ""},
		{"not found", 404, nil, `{"error":"Record not found"}`, connectors.Permanent, "Record not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) bool {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				w.Write([]byte(tt.body))
				return true
			})
			_, err := New(nil, "", "").Publish(context.Background(), f.account(), connectors.Draft{Text: "Bonjour"}, "k")
			require.Equal(t, tt.class, connectors.ClassOf(err), err.Error())
			var ce *connectors.Error
			require.ErrorAs(t, err, &ce)
			require.Equal(t, tt.message, ce.Message)
			require.Equal(t, tt.status, ce.Status)
			if tt.class == connectors.RateLimited {
				require.Equal(t, reset, ce.Until)
			}
		})
	}
}

func TestTimeoutIsRetryable(t *testing.T) {
	t.Parallel()
	block := make(chan struct{})
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) bool { <-block; return true })
	defer close(block)
	c := New(&http.Client{Timeout: 50 * time.Millisecond}, "", "")
	_, err := c.Publish(context.Background(), f.account(), connectors.Draft{Text: "Bonjour"}, "k")
	require.Equal(t, connectors.Retryable, connectors.ClassOf(err), err.Error())
}

func TestBadInputSendsNothing(t *testing.T) {
	t.Parallel()
	big := bytes.Repeat([]byte("x"), 16777217)
	tests := []struct {
		name  string
		draft connectors.Draft
		code  string
	}{
		{"media type", connectors.Draft{Text: "a", Media: []connectors.Media{{Filename: "a.pdf", ContentType: "application/pdf", Data: []byte("x")}}}, "media_type"},
		{"video not supported", connectors.Draft{Text: "a", Media: []connectors.Media{{Filename: "a.mp4", ContentType: "video/mp4", Data: []byte("x")}}}, "media_type"},
		{"oversized image", connectors.Draft{Text: "a", Media: []connectors.Media{{Filename: "a.png", ContentType: "image/png", Data: big}}}, "media_too_large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) bool { t.Error("request sent"); return false })
			_, err := New(nil, "", "").Publish(context.Background(), f.account(), tt.draft, "k")
			require.Equal(t, connectors.Permanent, connectors.ClassOf(err))
			var p connectors.Problem
			require.ErrorAs(t, err, &p)
			require.Equal(t, tt.code, p.Code)
			require.Equal(t, 3, f.total(), "only the public instance and nodeinfo documents were read")
		})
	}
}

func TestMissingTokenIsAuthExpired(t *testing.T) {
	t.Parallel()
	f := mustFake(t, nil)
	a := f.account()
	a.Credentials = nil
	_, err := New(nil, "", "").Publish(context.Background(), a, connectors.Draft{Text: "Bonjour"}, "k")
	require.Equal(t, connectors.AuthExpired, connectors.ClassOf(err))
	require.Zero(t, f.count("POST /api/v1/statuses"))
}

func TestInstanceFromOptionsWhenAccountHasNone(t *testing.T) {
	t.Parallel()
	f := mustFake(t, nil)
	a := f.account()
	a.BaseURL = ""
	_, err := New(nil, "", "").Publish(context.Background(), a, connectors.Draft{Text: "Bonjour"}, "k")
	require.Equal(t, connectors.Permanent, connectors.ClassOf(err))
	rc, err := New(nil, f.srv.URL, "").Publish(context.Background(), a, connectors.Draft{Text: "Bonjour"}, "k")
	require.NoError(t, err)
	require.NotEmpty(t, rc.RemoteID)
}

func TestTextOverInstanceLimitSendsNothing(t *testing.T) {
	t.Parallel()
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) bool { t.Error("request sent"); return false })
	c := New(nil, "", "")
	long := connectors.Draft{Text: strings.Repeat("a", 1001)}
	_, err := c.Publish(context.Background(), f.account(), long, "k")
	require.Equal(t, connectors.Permanent, connectors.ClassOf(err))
	var p connectors.Problem
	require.ErrorAs(t, err, &p)
	require.Equal(t, "too_long", p.Code)
	require.Contains(t, p.Message, "1000")
	require.Zero(t, f.count("POST /api/v1/statuses"))

	// 600 characters pass on this instance (1000) but not on the default (500).
	probs, err := c.ValidateFor(context.Background(), f.account(), connectors.Draft{Text: strings.Repeat("a", 600)})
	require.NoError(t, err)
	require.Empty(t, probs)
	require.Len(t, New(nil, "", "").Validate(connectors.Draft{Text: strings.Repeat("a", 600)}), 1)
	// A URL counts 23 whatever its length.
	probs, _ = c.ValidateFor(context.Background(), f.account(), connectors.Draft{Text: strings.Repeat("a", 970) + " https://exemple.fr/" + strings.Repeat("x", 100)})
	require.Empty(t, probs)
}
