package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/secret"
	"github.com/relais/relais/store"
)

// runCLI runs relais with args and returns stdout, stderr and the error.
func runCLI(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), err
}

func TestCLIValidation(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out, _, err := runCLI(t, "version")
	require.NoError(t, err)
	require.Contains(t, out, "relais ")
	_, _, err = runCLI(t, "frobnicate")
	require.ErrorContains(t, err, `unknown command "frobnicate"`)

	_, _, err = runCLI(t, "user", "add", "--data", dir, "--email", "nope", "--name", "N", "--role", "editor")
	require.Equal(t, "email: E-mail \"nope\" is not valid.", message(err))
	_, _, err = runCLI(t, "user", "add", "--data", dir, "--email", "a@b.fr", "--name", "N", "--role", "king")
	require.Contains(t, message(err), "role: Unknown role")
	_, _, err = runCLI(t, "user", "add", "--data", dir, "--email", "a@b.fr", "--name", "N", "--role", "editor", "--password", "short")
	require.Contains(t, message(err), "password:")
	_, _, err = runCLI(t, "account", "add", "--data", dir, "--platform", "myspace", "--handle", "x", "--owner", "campaign")
	require.Contains(t, message(err), "platform:")
	_, _, err = runCLI(t, "account", "add", "--data", dir, "--platform", "x", "--handle", "x", "--owner", "mayor")
	require.Contains(t, message(err), "owner:")
	_, _, err = runCLI(t, "account", "add", "--data", dir, "--platform", "x", "--handle", "x", "--owner", "colistier:nobody@x.fr")
	require.Contains(t, message(err), "owner: no member")
	_, _, err = runCLI(t, "election", "add", "--data", dir, "--day", "15/03/2026")
	require.Contains(t, message(err), "day:")
	_, _, err = runCLI(t, "audit", "export", "--data", dir, "--from", "2026-03-10", "--to", "2026-03-01")
	require.Contains(t, message(err), "to: --to is before --from")

	out, _, err = runCLI(t, "account", "list", "--data", dir)
	require.NoError(t, err)
	require.Equal(t, 1, strings.Count(out, "\n"), "nothing was written by the refused commands: %q", out)
}

// TestSecretRotate stores credentials under one key, rotates to a new key
// and checks they decrypt with the new key alone.
func TestSecretRotate(t *testing.T) {
	dir := t.TempDir()
	oldKey, newKey := secret.NewKey(), secret.NewKey()
	creds := filepath.Join(dir, "creds.json")
	require.NoError(t, os.WriteFile(creds, []byte(`{"access_token":"tok-123"}`), 0o600))
	t.Setenv("RELAIS_SECRET_KEY", oldKey)
	_, _, err := runCLI(t, "account", "add", "--data", dir, "--platform", "mastodon", "--handle", "anne@piaille.fr",
		"--owner", "campaign", "--credentials-file", creds, "--no-verify")
	require.NoError(t, err)

	t.Setenv("RELAIS_SECRET_KEY", newKey)
	t.Setenv("RELAIS_SECRET_KEY_OLD", oldKey)
	out, _, err := runCLI(t, "secret", "rotate", "--data", dir)
	require.NoError(t, err)
	require.Contains(t, out, "1 account credential(s) re-encrypted")

	newCreds := filepath.Join(dir, "new.json")
	require.NoError(t, os.WriteFile(newCreds, []byte(`{"access_token":"tok-456"}`), 0o600))
	out, _, err = runCLI(t, "account", "reconnect", "--data", dir, "--handle", "mastodon:anne@piaille.fr", "--credentials-file", newCreds)
	require.NoError(t, err)
	require.Contains(t, out, "reconnected")

	k, err := secret.ParseKey(newKey)
	require.NoError(t, err)
	box, err := secret.NewBox(k)
	require.NoError(t, err)
	s, err := store.Open(context.Background(), store.Config{DataDir: dir, Box: box})
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.View(context.Background(), func(tx *store.Tx) error {
		a, err := tx.AccountWithCredentials(1)
		require.NoError(t, err)
		require.Equal(t, "tok-456", a.Credentials["access_token"], "reconnect replaced the token")
		require.Equal(t, "active", a.Status)
		return nil
	}))
}

// TestServeShutsDownOnSignal runs `relais serve` until its context ends, as
// SIGTERM does, and checks it answered and then stopped cleanly.
func TestServeShutsDownOnSignal(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", dir, "--addr", "127.0.0.1:0"}, nil, &out, &errb)
	}()
	var addr string
	require.Eventually(t, func() bool {
		for _, line := range strings.Split(errb.String(), "\n") {
			if _, rest, ok := strings.Cut(line, "msg=\"relais ready\" addr="); ok {
				addr, _, _ = strings.Cut(rest, " ")
				return true
			}
		}
		return false
	}, 20*time.Second, 20*time.Millisecond)
	resp, err := http.Get("http://" + addr + "/readyz")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
	require.Contains(t, errb.String(), "relais stopped")
	_, err = http.Get("http://" + addr + "/healthz")
	require.Error(t, err, "the listener is closed")
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
