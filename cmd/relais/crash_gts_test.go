package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/scheduler"
	"github.com/relais/relais/secret"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// gtsStatus is a status the GoToSocial-like server created.
type gtsStatus struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Text      string    `json:"text"`
	Content   string    `json:"content"`
	CreatedAt time.Time `json:"created_at"`
}

// gtsServer is a Mastodon-API server that, like GoToSocial, ignores
// Idempotency-Key (every POST /api/v1/statuses is a new status) and says
// so in nodeinfo. Each access token is its own account. After the first
// answerFirst statuses it holds every POST: one held request in two
// creates its status before holding (the answer is what is lost), the
// other would create it only once released, and never does if the
// client is gone first.
type gtsServer struct {
	srv         *httptest.Server
	answerFirst int

	mu             sync.Mutex
	hold           bool
	posts          map[string]int         // token -> POST requests received
	statuses       map[string][]gtsStatus // token -> statuses created
	held, heldLost int                    // requests being held; held requests that created nothing
	heldSeen       int
	epoch          int            // bumped when the relais process is killed
	connEpoch      map[string]int // client address -> epoch its connection was opened in
}

func newGTSServer(t testing.TB, answerFirst int) *gtsServer {
	g := &gtsServer{answerFirst: answerFirst, hold: true, posts: map[string]int{}, statuses: map[string][]gtsStatus{},
		connEpoch: map[string]int{}}
	g.srv = httptest.NewUnstartedServer(http.HandlerFunc(g.serve))
	g.srv.Config.ConnState = func(c net.Conn, s http.ConnState) {
		if s == http.StateNew {
			g.mu.Lock()
			g.connEpoch[c.RemoteAddr().String()] = g.epoch
			g.mu.Unlock()
		}
	}
	g.srv.Start()
	t.Cleanup(g.srv.Close)
	return g
}

func (g *gtsServer) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	switch {
	case r.Method == "GET" && r.URL.Path == "/api/v2/instance":
		w.Write([]byte(`{"domain":"gts.example","configuration":{"statuses":{"max_characters":5000,"characters_reserved_per_url":25}}}`))
	case r.Method == "GET" && r.URL.Path == "/.well-known/nodeinfo":
		fmt.Fprintf(w, `{"links":[{"rel":"http://nodeinfo.diaspora.software/ns/schema/2.0","href":"%s/nodeinfo/2.0"}]}`, g.srv.URL)
	case r.Method == "GET" && r.URL.Path == "/nodeinfo/2.0":
		w.Write([]byte(`{"version":"2.0","software":{"name":"gotosocial","version":"0.17.3"}}`))
	case r.Method == "GET" && r.URL.Path == "/api/v1/accounts/verify_credentials":
		fmt.Fprintf(w, `{"id":%q,"username":%q}`, tok, tok)
	case r.Method == "GET" && r.URL.Path == "/api/v1/accounts/"+tok+"/statuses":
		g.list(w, tok)
	case r.Method == "POST" && r.URL.Path == "/api/v1/statuses":
		g.post(w, r, tok, body)
	default:
		http.NotFound(w, r)
	}
}

// list answers the account's statuses, newest first.
func (g *gtsServer) list(w http.ResponseWriter, tok string) {
	g.mu.Lock()
	sts := append([]gtsStatus(nil), g.statuses[tok]...)
	g.mu.Unlock()
	out := make([]gtsStatus, 0, len(sts))
	for i := len(sts) - 1; i >= 0; i-- {
		out = append(out, sts[i])
	}
	json.NewEncoder(w).Encode(out)
}

func (g *gtsServer) post(w http.ResponseWriter, r *http.Request, tok string, body []byte) {
	var req struct{ Status string }
	_ = json.Unmarshal(body, &req)
	g.mu.Lock()
	if g.connEpoch[r.RemoteAddr] < g.epoch {
		// A request the killed process sent that the server reads only
		// now: its client is gone, so nothing is created (otherwise the
		// status could appear after the restarted process looked for it,
		// which relais rightly leaves outcome_unknown).
		g.posts[tok]++
		g.heldLost++
		g.mu.Unlock()
		return
	}
	g.posts[tok]++
	created := 0
	for _, sts := range g.statuses {
		created += len(sts)
	}
	hold := g.hold && created >= g.answerFirst
	first := !hold || g.heldSeen%2 == 0 // create now; else only when released
	if hold {
		g.held++
		g.heldSeen++
	}
	var st gtsStatus
	if first {
		st = g.create(tok, req.Status)
	}
	g.mu.Unlock()
	if hold {
		if st, ok := g.wait(r.Context(), r.RemoteAddr, tok, req.Status, first, st); ok {
			json.NewEncoder(w).Encode(st)
		}
		return
	}
	time.Sleep(20 * time.Millisecond)
	json.NewEncoder(w).Encode(st)
}

// wait holds a request until the hold ends (ok) or its client is gone:
// the connection closed or opened by the killed process. A request whose
// client is gone creates nothing that it had not created already.
func (g *gtsServer) wait(ctx context.Context, remote, tok, text string, created bool, st gtsStatus) (gtsStatus, bool) {
	defer func() {
		g.mu.Lock()
		g.held--
		g.mu.Unlock()
	}()
	for {
		g.mu.Lock()
		gone := ctx.Err() != nil || g.connEpoch[remote] < g.epoch
		switch {
		case gone && !created:
			g.heldLost++
			g.mu.Unlock()
			return st, false
		case gone:
			g.mu.Unlock()
			return st, false
		case !g.hold:
			if !created {
				st = g.create(tok, text)
			}
			g.mu.Unlock()
			return st, true
		}
		g.mu.Unlock()
		time.Sleep(5 * time.Millisecond)
	}
}

// create records a status; the caller holds g.mu.
func (g *gtsServer) create(tok, text string) gtsStatus {
	n := 0
	for _, sts := range g.statuses {
		n += len(sts)
	}
	st := gtsStatus{ID: fmt.Sprintf("01GTS%04d", n+1), URL: fmt.Sprintf("%s/@%s/statuses/%d", g.srv.URL, tok, n+1),
		Text: text, Content: "<p>" + text + "</p>", CreatedAt: time.Now().UTC()}
	g.statuses[tok] = append(g.statuses[tok], st)
	return st
}

// snapshot returns the requests being held, the held requests that
// created nothing, and the statuses created.
func (g *gtsServer) snapshot() (held, lost, created int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, sts := range g.statuses {
		created += len(sts)
	}
	return g.held, g.heldLost, created
}

// killed marks every connection opened so far as the killed process's.
func (g *gtsServer) killed() {
	g.mu.Lock()
	g.epoch++
	g.mu.Unlock()
}

// release stops holding requests.
func (g *gtsServer) release() {
	g.mu.Lock()
	g.hold = false
	g.mu.Unlock()
}

// account returns the POSTs received and the statuses created for tok.
func (g *gtsServer) account(tok string) (posts int, sts []gtsStatus) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.posts[tok], append([]gtsStatus(nil), g.statuses[tok]...)
}

// gtsAccounts is how many accounts on the GoToSocial-like server the
// post goes to; gtsAnswered how many statuses are answered before the
// server starts holding.
const (
	gtsAccounts = 24
	gtsAnswered = 4
)

// TestCrashGoToSocialNoDuplicate runs relais as a process against a
// server that ignores Idempotency-Key (GoToSocial-like), approves a post
// to 24 accounts on it, and SIGKILLs relais while the server holds the
// publishing requests: some statuses were created and their answers
// lost, some requests were never acted upon. After a restart the server
// has received at most one POST and holds at most one status per
// delivery (0 duplicates), every delivery is published or
// outcome_unknown, each published one names the status the server
// created, and each held request that created nothing is outcome_unknown,
// not posted again.
func TestCrashGoToSocialNoDuplicate(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test: builds and kills the binary")
	}
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		bin, err := buildRelais()
		require.NoError(t, err)
		dataDir, dbURL := t.TempDir(), ""
		if dialect == store.DialectPostgres {
			dbURL = storetest.NewPostgresDB(t)
		}
		gts := newGTSServer(t, gtsAnswered)
		cm, editor, targets := gtsSetup(t, dataDir, dbURL, gts.srv.URL)
		logPath := filepath.Join(dataDir, "relais.log")
		c := startChild(t, bin, dataDir, dbURL, logPath)
		addr := func() string { return c.addr }
		postID := crashPostTo(t, crashClient{t, cm, addr}, crashClient{t, editor, addr}, targets)
		require.Eventually(t, func() bool { held, _, _ := gts.snapshot(); return held >= 6 }, 30*time.Second, 5*time.Millisecond,
			"the server holds publishing requests (see %s)", logPath)
		c.kill()
		gts.killed()
		require.Eventually(t, func() bool { held, _, _ := gts.snapshot(); return held == 0 }, 10*time.Second, 5*time.Millisecond)
		_, lost, createdAtKill := gts.snapshot()
		gts.release()
		c = startChild(t, bin, dataDir, dbURL, logPath)
		v := gtsWait(t, crashClient{t, editor, addr}, postID, 60*time.Second)
		published, unknown := gtsCheck(t, gts, v)
		require.GreaterOrEqual(t, lost, 1, "some held requests created nothing")
		require.GreaterOrEqual(t, unknown, lost, "each of them ends outcome_unknown")
		t.Logf("%s: %d deliveries; at the kill %d statuses created, %d held requests lost; after the restart %d published, %d outcome_unknown, 0 duplicates",
			dialect, len(targets), createdAtKill, lost, published, unknown)
	})
}

// gtsSetup writes the members and the accounts (token gts-i each) into
// the database, and the credentials key into the data dir.
func gtsSetup(t *testing.T, dataDir, dbURL, base string) (cm, editor string, targets []int64) {
	ctx := context.Background()
	key, _, err := secret.LoadOrCreateKeyFile(dataDir)
	require.NoError(t, err)
	box, err := secret.NewBox(key)
	require.NoError(t, err)
	st, err := store.Open(ctx, store.Config{DataDir: dataDir, DatabaseURL: dbURL, Box: box})
	require.NoError(t, err)
	defer st.Close()
	require.NoError(t, st.Migrate(ctx))
	require.NoError(t, scheduler.Migrate(ctx, st))
	require.NoError(t, st.Update(ctx, func(tx *store.Tx) error {
		for _, m := range []*relais.Member{{Email: "cm@example.org", Name: "CM", Role: relais.RoleCommunityManager, Lang: "fr"},
			{Email: "web@example.org", Name: "Web", Role: relais.RoleEditor, Lang: "fr"}} {
			if err := tx.CreateMember(m, ""); err != nil {
				return err
			}
		}
		for i := 0; i < gtsAccounts; i++ {
			a := &relais.Account{Platform: relais.PlatformMastodon, Handle: fmt.Sprintf("gts%d", i), OwnerKind: relais.OwnerCampaign, BaseURL: base}
			if err := tx.CreateAccount(a, map[string]string{"access_token": fmt.Sprintf("gts-%d", i)}); err != nil {
				return err
			}
			targets = append(targets, a.ID)
		}
		return nil
	}))
	cm, err = auth.New(st).IssueToken(ctx, "cm@example.org")
	require.NoError(t, err)
	editor, err = auth.New(st).IssueToken(ctx, "web@example.org")
	require.NoError(t, err)
	return cm, editor, targets
}

// crashPostTo drafts, submits and approves one post to targets.
func crashPostTo(t *testing.T, cm, editor crashClient, targets []int64) int64 {
	var p postJSON
	require.Equal(t, http.StatusCreated, cm.call("POST", "/api/posts",
		map[string]any{"text": "Réunion publique ce soir à 19 h, salle des fêtes : venez nombreux !", "targets": targets}, &p))
	require.Equal(t, http.StatusOK, cm.call("POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, http.StatusOK, editor.call("POST", fmt.Sprintf("/api/posts/%d/approve", p.ID),
		map[string]any{"content_hash": p.ContentHash, "acknowledge_warnings": true}, &p), "post %d: %+v", p.ID, p)
	return p.ID
}

// gtsWait polls the post until every delivery is settled.
func gtsWait(t *testing.T, c crashClient, id int64, limit time.Duration) crashView {
	deadline := time.Now().Add(limit)
	for {
		var v crashView
		require.Equal(t, http.StatusOK, c.call("GET", fmt.Sprintf("/api/posts/%d", id), nil, &v))
		open := gtsAccounts - len(v.Deliveries)
		for _, d := range v.Deliveries {
			if d.State != "published" && d.State != "outcome_unknown" && d.State != "failed" {
				open++
			}
		}
		if open == 0 {
			return v
		} else if time.Now().After(deadline) {
			t.Fatalf("%d deliveries still open after %s", open, limit)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// gtsCheck asserts that no delivery was posted twice or re-posted, and
// that the published ones match the server; it returns how many are
// published and outcome_unknown.
func gtsCheck(t *testing.T, gts *gtsServer, v crashView) (published, unknown int) {
	for _, d := range v.Deliveries {
		tok := "gts-" + strings.TrimPrefix(d.Handle, "gts")
		posts, sts := gts.account(tok)
		require.LessOrEqual(t, posts, 1, "%s: POSTs received (a status is never sent twice)", d.Handle)
		require.LessOrEqual(t, len(sts), 1, "%s: statuses created", d.Handle)
		switch d.State {
		case "published":
			published++
			require.Len(t, sts, 1, "%s: published means created", d.Handle)
			require.Equal(t, sts[0].ID, d.RemoteID, "%s: the delivery names the server's status", d.Handle)
		case "outcome_unknown":
			unknown++
			require.Empty(t, sts, "%s: a status that exists is found, not left unknown", d.Handle)
		default:
			t.Fatalf("%s: delivery %s, want published or outcome_unknown", d.Handle, d.State)
		}
	}
	return published, unknown
}
