// Package gotosocial is a test double of a GoToSocial server (a
// Mastodon-API server that cannot run here) for connector and scheduler
// tests: it has only behaviours GoToSocial documents, cited on Fake.
package gotosocial

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Status is a status as the fake lists it.
type Status struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Content   string    `json:"content"`
	Text      string    `json:"text"`
	CreatedAt time.Time `json:"created_at"`
}

// Fake stands in for GoToSocial, which cannot run here. Each behaviour
// is one GoToSocial documents:
//   - it ignores Idempotency-Key on POST /api/v1/statuses: every call
//     creates a status (github.com/superseriousbusiness/gotosocial/issues/2723,
//     "Implement Idempotency-Key for POSTing statuses", not implemented);
//   - nodeinfo 2.0 names it "gotosocial" (docs.gotosocial.org, "Federating
//     with GoToSocial": /.well-known/nodeinfo);
//   - /api/v2/instance announces statuses.max_characters (its
//     statuses-max-chars setting, 5000 by default) and
//     characters_reserved_per_url 25 (docs.gotosocial.org, "Configuration:
//     statuses"), and it counts a status's characters as runes, links in
//     full (internal/validate: utf8.RuneCountInString);
//   - the account's statuses list newest first with content in HTML and
//     the plain source in "text" (Mastodon API, GET /api/v1/accounts/:id/statuses).
//
// DropReplies > 0 throws away that many answers to POST /api/v1/statuses
// after the status was created (the connection closes); FailList makes the
// statuses listing answer 502.
type Fake struct {
	// URL is the server's base URL.
	URL string
	// DropReplies and FailList are read under the fake's lock; set them
	// before the calls they affect.
	DropReplies int
	FailList    bool

	srv         *httptest.Server
	mu          sync.Mutex
	statuses    []Status
	posts       int
	conns       map[string]int // remote address -> requests
	droppedOnRe []bool
}

// New starts a fake on 127.0.0.1, stopped when the test ends.
func New(t testing.TB) *Fake {
	f := &Fake{conns: map[string]int{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	f.URL = f.srv.URL
	t.Cleanup(f.srv.Close)
	return f
}

// Token is the access token the fake expects (it does not check it).
const Token = "tok-gts"

// AddStatus adds a status of the account, as if posted earlier.
func (f *Fake) AddStatus(st Status) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.statuses = append(f.statuses, st)
}

// DroppedOnReused reports, for each dropped answer, whether its connection
// had carried an earlier request.
func (f *Fake) DroppedOnReused() []bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]bool(nil), f.droppedOnRe...)
}

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	seen := f.conns[r.RemoteAddr]
	f.conns[r.RemoteAddr]++
	f.mu.Unlock()
	switch r.Method + " " + r.URL.Path {
	case "GET /api/v2/instance":
		w.Write([]byte(`{"domain":"gts.example","version":"0.17.3","source_url":"https://github.com/superseriousbusiness/gotosocial","configuration":{"statuses":{"max_characters":5000,"max_media_attachments":6,"characters_reserved_per_url":25}}}`))
	case "GET /.well-known/nodeinfo":
		w.Write([]byte(`{"links":[{"rel":"http://nodeinfo.diaspora.software/ns/schema/2.0","href":"` + f.srv.URL + `/nodeinfo/2.0"}]}`))
	case "GET /nodeinfo/2.0":
		w.Write([]byte(`{"version":"2.0","software":{"name":"gotosocial","version":"0.17.3"}}`))
	case "GET /api/v1/accounts/verify_credentials":
		w.Write([]byte(`{"id":"01ANNE","username":"anne"}`))
	case "GET /api/v1/accounts/01ANNE/statuses":
		f.list(w)
	case "POST /api/v1/statuses":
		f.post(w, body, seen > 0)
	default:
		http.NotFound(w, r)
	}
}

func (f *Fake) list(w http.ResponseWriter) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.FailList {
		http.Error(w, `{"error":"bad gateway"}`, http.StatusBadGateway)
		return
	}
	out := make([]Status, 0, len(f.statuses))
	for i := len(f.statuses) - 1; i >= 0; i-- {
		out = append(out, f.statuses[i])
	}
	json.NewEncoder(w).Encode(out)
}

func (f *Fake) post(w http.ResponseWriter, body []byte, reused bool) {
	var req struct {
		Status string `json:"status"`
	}
	_ = json.Unmarshal(body, &req)
	f.mu.Lock()
	f.posts++
	st := Status{ID: fmt.Sprintf("01ST%02d", f.posts), URL: f.srv.URL + "/@anne/statuses/" + fmt.Sprint(f.posts),
		Content: "<p>" + strings.ReplaceAll(req.Status, "\n", "<br />") + "</p>", Text: req.Status, CreatedAt: time.Now().UTC()}
	f.statuses = append(f.statuses, st)
	drop := f.DropReplies > 0
	if drop {
		f.DropReplies--
		f.droppedOnRe = append(f.droppedOnRe, reused)
	}
	f.mu.Unlock()
	if drop {
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
		}
		return
	}
	json.NewEncoder(w).Encode(st)
}

// Count returns how many statuses were posted and how many the account
// holds.
func (f *Fake) Count() (posts, statuses int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.posts, len(f.statuses)
}
