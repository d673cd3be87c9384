package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/auth"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestMain makes password hashes cheap: the package's servers create
// hundreds of members, and argon2id at production cost was most of the
// CPU of its role matrix. Binaries the crash tests build hash as shipped.
func TestMain(m *testing.M) {
	auth.UseTestHashCost()
	os.Exit(m.Run())
}

// testMain is a running relais on a fresh database.
type testMain struct {
	*Main
	t   *testing.T
	URL string
}

// testPoll is how often a test server's job queue polls the database.
// Jobs a server inserts itself wake its workers at once (scheduler.Wake),
// so the poll only matters for jobs another process inserted; each poll
// is a large query that the race detector makes costly, so a short
// interval here slowed the whole package.
const testPoll = 500 * time.Millisecond

// MustRunMain starts relais on 127.0.0.1:0 on a fresh database of dialect
// and stops it at cleanup.
func MustRunMain(t *testing.T, dialect string) *testMain {
	t.Helper()
	m := NewMain(io.Discard, io.Discard)
	m.env.DataDir = t.TempDir()
	if dialect == store.DialectPostgres {
		m.env.DatabaseURL = storetest.NewPostgresDB(t)
	}
	m.Addr, m.PollEvery, m.Rescue = "127.0.0.1:0", testPoll, 5*time.Second
	require.NoError(t, m.Run(context.Background()))
	t.Cleanup(func() { require.NoError(t, m.Close()) })
	return &testMain{Main: m, t: t, URL: "http://" + m.ListenAddr()}
}

// cli runs a relais command against the same database and returns stdout.
func (tm *testMain) cli(args ...string) string {
	tm.t.Helper()
	var out, errb bytes.Buffer
	args = append(args[:2:2], append([]string{"--data", tm.env.DataDir, "--database-url", tm.env.DatabaseURL}, args[2:]...)...)
	err := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	require.NoError(tm.t, err, "relais %v: %s", args, errb.String())
	return strings.TrimSpace(out.String())
}

// member adds a member and returns a bearer token for it.
func (tm *testMain) member(email, role string) string {
	tm.t.Helper()
	tm.cli("user", "add", "--email", email, "--name", strings.Split(email, "@")[0], "--role", role, "--password", "long-enough-pw")
	return tm.cli("user", "token", "--email", email)
}

// call sends a JSON request and decodes the JSON answer into out (if not
// nil). It returns the status code.
func (tm *testMain) call(token, method, path string, body any, out any) int {
	tm.t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		require.NoError(tm.t, err)
		r = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, tm.URL+path, r)
	require.NoError(tm.t, err)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(tm.t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(tm.t, err)
	if out != nil {
		require.NoError(tm.t, json.Unmarshal(data, out), "body: %s", data)
	}
	return resp.StatusCode
}
