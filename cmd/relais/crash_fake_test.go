package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// crashPlatform is a Mastodon-compatible instance double: it creates one
// status per Idempotency-Key and, like Mastodon, answers a repeated key
// with the first status. It also serves non-idempotent Slack-style
// webhooks under /hook/{n}. Every answer is delayed a little, after the
// status is created, so that SIGKILLs land between "posted" and "recorded".
type crashPlatform struct {
	srv *httptest.Server

	mu       sync.Mutex
	byKey    map[string]string // Idempotency-Key -> status id
	statuses map[[2]string]int // (token, text) -> statuses created
	replays  int               // requests answered from a known key
	hooks    map[[2]string]int // (hook, text) -> messages received
	latency  time.Duration     // when set, every status takes this long (else 20-200 ms)
}

func newCrashPlatform(t testing.TB) *crashPlatform {
	f := &crashPlatform{byKey: map[string]string{}, statuses: map[[2]string]int{}, hooks: map[[2]string]int{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// crashBadHook receives messages but answers 504: relais cannot know
// whether they went out, so its deliveries must end outcome_unknown.
var crashBadHook = fmt.Sprintf("/hook/%d", crashMastodon+crashHooks-1)

const crashInstance = `{"domain":"fake.example","version":"4.5.0","configuration":{"statuses":{"max_characters":500,"max_media_attachments":4,"characters_reserved_per_url":23}}}`

func (f *crashPlatform) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	switch {
	case r.Method == "GET" && r.URL.Path == "/api/v2/instance":
		w.Write([]byte(crashInstance))
	case r.Method == "GET" && r.URL.Path == "/.well-known/nodeinfo": // nodeinfo.diaspora.software/protocol
		fmt.Fprintf(w, `{"links":[{"rel":"http://nodeinfo.diaspora.software/ns/schema/2.0","href":"%s/nodeinfo/2.0"}]}`, f.srv.URL)
	case r.Method == "GET" && r.URL.Path == "/nodeinfo/2.0":
		w.Write([]byte(`{"version":"2.0","software":{"name":"mastodon","version":"4.5.0"}}`))
	case r.Method == "POST" && r.URL.Path == "/api/v1/statuses":
		f.status(w, r, body)
	case r.Method == "POST" && strings.HasPrefix(r.URL.Path, "/hook/"):
		var m struct{ Text string }
		_ = json.Unmarshal(body, &m)
		f.mu.Lock()
		f.hooks[[2]string{r.URL.Path, m.Text}]++
		f.mu.Unlock()
		time.Sleep(time.Duration(rand.IntN(60)) * time.Millisecond)
		if r.URL.Path == crashBadHook {
			http.Error(w, "upstream timeout", http.StatusGatewayTimeout) // received, but the answer says nothing
			return
		}
		w.Write([]byte("ok"))
	default:
		http.NotFound(w, r)
	}
}

func (f *crashPlatform) status(w http.ResponseWriter, r *http.Request, body []byte) {
	var req struct{ Status string }
	_ = json.Unmarshal(body, &req)
	key, tok := r.Header.Get("Idempotency-Key"), strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	f.mu.Lock()
	id, ok := f.byKey[key]
	if ok {
		f.replays++
	} else {
		id = fmt.Sprintf("%d", len(f.byKey)+1)
		f.byKey[key] = id
		f.statuses[[2]string{tok, req.Status}]++
	}
	f.mu.Unlock()
	d := time.Duration(20+rand.IntN(180)) * time.Millisecond
	if f.latency > 0 {
		d = f.latency
	}
	time.Sleep(d)
	fmt.Fprintf(w, `{"id":%q,"url":"%s/@x/%s","uri":"%s/statuses/%s"}`, id, f.srv.URL, id, f.srv.URL, id)
}

// created returns how many statuses exist.
func (f *crashPlatform) created() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.byKey)
}

func (f *crashPlatform) statusCount(tok, text string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.statuses[[2]string{tok, text}]
}

func (f *crashPlatform) hookCount(hook, text string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hooks[[2]string{hook, text}]
}
