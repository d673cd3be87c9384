package bluesky

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestStartAndCreateAccount starts (or reuses) the real PDS, creates two
// accounts and checks that they are distinct, that the handle resolves to
// the DID on the PDS, and that the app password opens a session.
func TestStartAndCreateAccount(t *testing.T) {
	p := Start(t)
	a, b := p.CreateAccount(t, "harness"), p.CreateAccount(t, "harness")
	if a.Handle == b.Handle || a.DID == b.DID {
		t.Fatalf("accounts not unique: %+v %+v", a, b)
	}
	if !strings.HasSuffix(a.Handle, ".test") || !strings.HasPrefix(a.DID, "did:plc:") {
		t.Fatalf("unexpected account %+v", a)
	}
	c := http.Client{Timeout: 10 * time.Second}
	res, err := c.Get(p.URL + "/xrpc/com.atproto.identity.resolveHandle?handle=" + a.Handle)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("resolveHandle %s: %s", a.Handle, res.Status)
	}
	if a.AppPassword == "" {
		t.Fatal("the PDS created no app password")
	}
	var s struct{ Did string }
	if err := p.call("com.atproto.server.createSession", "", map[string]string{"identifier": a.Handle, "password": a.AppPassword}, &s); err != nil {
		t.Fatal(err)
	}
	if s.Did != a.DID {
		t.Fatalf("session DID %q, want %q", s.Did, a.DID)
	}
}

// TestReuseRunningPDS checks that a second Start in the same process
// returns the running instance without restarting it.
func TestReuseRunningPDS(t *testing.T) {
	p := Start(t)
	a := p.CreateAccount(t, "reuse")
	q := Start(t)
	if q.URL != p.URL {
		t.Fatalf("Start returned %s then %s", p.URL, q.URL)
	}
	var s struct{ Did string }
	if err := q.call("com.atproto.server.createSession", "", map[string]string{"identifier": a.Handle, "password": a.Password}, &s); err != nil {
		t.Fatalf("the account vanished: the PDS was restarted: %v", err)
	}
}
