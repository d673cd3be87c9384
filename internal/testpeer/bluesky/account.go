package bluesky

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Account is an account created on the PDS for one test.
type Account struct {
	// Handle is the account's handle (prefix + random + ".test").
	Handle string
	// DID is its did:plc.
	DID string
	// Email and Password are the account's own credentials.
	Email, Password string
	// AppPassword is an app password created for it (empty when the PDS
	// refused to create one).
	AppPassword string
	// AccessJwt and RefreshJwt are the session createAccount returned.
	AccessJwt, RefreshJwt string
}

// CreateAccount creates a fresh account whose handle starts with
// handlePrefix (lower-case letters and digits; cut to 8 characters: the
// PDS allows 18 in a handle's first label) and returns it, with an app
// password when the PDS supports them.
func (p *PDS) CreateAccount(t testing.TB, handlePrefix string) Account {
	t.Helper()
	a := Account{Handle: handle(handlePrefix), Password: "pw-" + random(8)}
	a.Email = strings.TrimSuffix(a.Handle, ".test") + "@example.test"
	var out struct{ Did, Handle, AccessJwt, RefreshJwt string }
	in := map[string]string{"handle": a.Handle, "email": a.Email, "password": a.Password}
	if err := p.call("com.atproto.server.createAccount", "", in, &out); err != nil {
		t.Fatalf("createAccount %s: %v", a.Handle, err)
	}
	a.DID, a.AccessJwt, a.RefreshJwt = out.Did, out.AccessJwt, out.RefreshJwt
	var app struct{ Password string }
	if err := p.call("com.atproto.server.createAppPassword", a.AccessJwt, map[string]string{"name": "relais"}, &app); err == nil {
		a.AppPassword = app.Password
	} else {
		t.Logf("no app password for %s: %v", a.Handle, err)
	}
	return a
}

func handle(prefix string) string {
	prefix = strings.ToLower(prefix)
	if len(prefix) > 8 {
		prefix = prefix[:8]
	}
	return prefix + random(4) + ".test"
}

func random(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// call POSTs in as JSON to the procedure nsid and decodes the answer into
// out (unless nil: some procedures answer nothing).
func (p *PDS) call(nsid, token string, in, out any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, p.URL+"/xrpc/"+nsid, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	c := http.Client{Timeout: 30 * time.Second}
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s: %s", nsid, res.Status, b)
	} else if out == nil {
		return nil
	}
	return json.Unmarshal(b, out)
}

// UpdateHandle renames a on the PDS (com.atproto.identity.updateHandle):
// its old handle is then free for another account to take.
func (p *PDS) UpdateHandle(t testing.TB, a *Account, handle string) {
	t.Helper()
	if err := p.call("com.atproto.identity.updateHandle", a.AccessJwt, map[string]string{"handle": handle}, nil); err != nil {
		t.Fatalf("updateHandle %s → %s: %v", a.Handle, handle, err)
	}
	a.Handle = handle
}
