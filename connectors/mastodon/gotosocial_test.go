package mastodon

import (
	"context"
	"encoding/json"
	"fmt"
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

// gtsFake stands in for GoToSocial, which cannot run here. Each behaviour
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
// dropReplies > 0 throws away that many answers to POST /api/v1/statuses
// after the status was created (the connection closes); failList makes the
// statuses listing answer 502.
type gtsFake struct {
	srv         *httptest.Server
	mu          sync.Mutex
	statuses    []ownStatus
	posts       int
	dropReplies int
	failList    bool
	conns       map[string]int // remote address -> requests
	droppedOnRe []bool
}

func newGTSFake(t *testing.T) *gtsFake {
	f := &gtsFake{conns: map[string]int{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *gtsFake) account() relais.Account {
	return relais.Account{ID: 9, Platform: relais.PlatformMastodon, Handle: "@anne@gts.example",
		BaseURL: f.srv.URL, Credentials: map[string]string{CredAccessToken: "tok-gts"}}
}

func (f *gtsFake) serve(w http.ResponseWriter, r *http.Request) {
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

func (f *gtsFake) list(w http.ResponseWriter) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failList {
		http.Error(w, `{"error":"bad gateway"}`, http.StatusBadGateway)
		return
	}
	out := make([]ownStatus, 0, len(f.statuses))
	for i := len(f.statuses) - 1; i >= 0; i-- {
		out = append(out, f.statuses[i])
	}
	json.NewEncoder(w).Encode(out)
}

func (f *gtsFake) post(w http.ResponseWriter, body []byte, reused bool) {
	var req statusRequest
	_ = json.Unmarshal(body, &req)
	f.mu.Lock()
	f.posts++
	st := ownStatus{ID: fmt.Sprintf("01ST%02d", f.posts), URL: f.srv.URL + "/@anne/statuses/" + fmt.Sprint(f.posts),
		Content: "<p>" + strings.ReplaceAll(req.Status, "\n", "<br />") + "</p>", Text: req.Status, CreatedAt: time.Now().UTC()}
	f.statuses = append(f.statuses, st)
	drop := f.dropReplies > 0
	if drop {
		f.dropReplies--
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

func (f *gtsFake) count() (posts, statuses int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.posts, len(f.statuses)
}

// TestGoToSocialLostAnswerNoDuplicate loses the answer to POST
// /api/v1/statuses on a server that ignores Idempotency-Key, on a reused
// keep-alive connection and on a fresh one. net/http must not re-send the
// POST by itself (it would on the reused connection: Request.isReplayable
// trusts the Idempotency-Key header), and Publish finds the status among
// the account's own: one status. When the listing fails too, the outcome
// is unknown, still one status.
func TestGoToSocialLostAnswerNoDuplicate(t *testing.T) {
	for _, tc := range []struct {
		name      string
		keepAlive bool
	}{{"reused connection", true}, {"fresh connection", false}} {
		t.Run(tc.name, func(t *testing.T) {
			hc := &http.Client{Transport: &http.Transport{DisableKeepAlives: !tc.keepAlive}}
			d := connectors.Draft{Text: "Réunion publique\nce soir à 19 h", Language: "fr"}

			f := newGTSFake(t)
			f.dropReplies = 1
			c := New(hc, "", "")
			rc, err := c.Publish(context.Background(), f.account(), d, "k-1")
			require.NoError(t, err, "found among the account's statuses")
			require.Equal(t, "01ST01", rc.RemoteID)
			require.Equal(t, []bool{tc.keepAlive}, f.droppedOnRe)
			posts, sts := f.count()
			require.Equal(t, 1, posts, "the POST was sent once")
			require.Equal(t, 1, sts)
			require.False(t, c.HonoursKeyFor(f.account()), "GoToSocial is not trusted with the key")

			f = newGTSFake(t)
			f.dropReplies, f.failList = 1, true
			_, err = New(hc, "", "").Publish(context.Background(), f.account(), d, "k-2")
			require.Equal(t, connectors.OutcomeUnknown, connectors.ClassOf(err), "%v", err)
			posts, _ = f.count()
			require.Equal(t, 1, posts)
		})
	}
}

// TestLookupDraftMatchesTextAndTime: a status is recognised by its text
// (however the server laid out its HTML) and only when created since the
// attempt (with two minutes of clock slack).
func TestLookupDraftMatchesTextAndTime(t *testing.T) {
	f := newGTSFake(t)
	f.statuses = []ownStatus{
		{ID: "old", Content: "<p>Bonjour Paris</p>", CreatedAt: time.Now().Add(-time.Hour)},
		{ID: "other", Content: "<p>Autre chose</p>", CreatedAt: time.Now()},
		{ID: "new", Content: "<p>Bonjour<br />Paris &amp; <a href=\"https://paris.fr/\"><span class=\"invisible\">https://</span><span>paris.fr/</span></a></p>", CreatedAt: time.Now()},
	}
	c := New(nil, "", "")
	rc, found, err := c.LookupDraft(context.Background(), f.account(), connectors.Draft{Text: "Bonjour\nParis & https://paris.fr/"}, "k", time.Now().Add(-time.Minute))
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, "new", rc.RemoteID)
	_, found, err = c.LookupDraft(context.Background(), f.account(), connectors.Draft{Text: "Bonjour Paris"}, "k", time.Now().Add(-time.Minute))
	require.NoError(t, err)
	require.False(t, found, "the only match is older than the attempt")
}

// TestLimitsCountAsTheServerCounts: the account's own instance sets the
// limit (5,000 on this GoToSocial, 1,000 on the Mastodon fake), and each
// server's way of counting applies: GoToSocial counts links in full,
// Mastodon as 23; a server of unknown software is held to the stricter.
func TestLimitsCountAsTheServerCounts(t *testing.T) {
	gts, mas := newGTSFake(t), mustFake(t, nil)
	c := New(nil, "", "")
	long := strings.Repeat("a", 4000)
	probs, err := c.ValidateFor(context.Background(), gts.account(), connectors.Draft{Text: long})
	require.NoError(t, err)
	require.Empty(t, probs, "4,000 characters fit this GoToSocial's 5,000 (the default instance says 500)")
	require.NotEmpty(t, c.Validate(connectors.Draft{Text: long}))

	link := "https://exemple.fr/" + strings.Repeat("x", 200)
	text := strings.Repeat("a", 4900) + " " + link // 5,120 runes; 4,925 with the link as 25
	probs, err = c.ValidateFor(context.Background(), gts.account(), connectors.Draft{Text: text})
	require.NoError(t, err)
	require.Len(t, probs, 1, "GoToSocial counts the link in full")
	require.Equal(t, "too_long", probs[0].Code)

	text = strings.Repeat("a", 900) + " " + link // 1,101 runes; 924 with the link as 23
	probs, err = c.ValidateFor(context.Background(), mas.account(), connectors.Draft{Text: text})
	require.NoError(t, err)
	require.Empty(t, probs, "Mastodon counts the link as 23")
	in := DefaultInstance
	in.MaxChars = 1000
	require.NotEmpty(t, textProblems(in, text), "unknown software: the stricter count")
}
