// Package bluesky gives tests a real Bluesky PDS (@atproto/pds 0.5.35) and
// an in-memory PLC directory on 127.0.0.1:2583 and 127.0.0.1:2582.
//
// Start reuses a PDS already answering on 127.0.0.1:2583; otherwise it runs
// testdata/start.sh (embedded in the test binary) in a cache folder,
// $RELAIS_PEERS_CACHE/bluesky or $HOME/.cache/relais-peers/bluesky, under a
// file lock so that two test processes do not both start one. The first
// run on a machine installs Node 22 and the PDS from npm (minutes); later
// runs start in seconds. The PDS is left running after the tests, for the
// next test process to reuse; stop it with
//
//	kill $(cat "$HOME/.cache/relais-peers/bluesky/pds.pid" "$HOME/.cache/relais-peers/bluesky/plc.pid")
//
// (.ci/run does so when its tests end). Under CI=true a PDS that cannot be
// started fails the test; elsewhere the test is skipped.
//
// The ports are fixed by the PDS's configuration, so only one instance runs
// on a machine: tests share it and isolate themselves with CreateAccount.
package bluesky

import (
	"context"
	"embed"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// URL is the address of the PDS.
const URL = "http://127.0.0.1:2583"

// PLCURL is the address of the PLC directory the PDS registers DIDs with.
const PLCURL = "http://127.0.0.1:2582"

//go:embed testdata/start.sh testdata/pds.mjs testdata/plc.cjs
var scripts embed.FS

// PDS is a running PDS.
type PDS struct {
	// URL is the PDS's base address (no trailing slash).
	URL string
	// Dir is the cache folder it runs from (empty when it was already
	// running before this process).
	Dir string
}

var (
	startMu  sync.Mutex
	startErr error
	started  *PDS
)

// Start returns the running PDS, starting it when none answers. It fails
// the test under CI=true when the PDS cannot be started, and skips it
// otherwise.
func Start(t testing.TB) *PDS {
	t.Helper()
	p, err := ensure()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("Bluesky PDS unavailable under CI: %v", err)
		}
		t.Skipf("Bluesky PDS unavailable, skipping: %v", err)
	}
	return p
}

// ensure starts the PDS once per process; a failure is remembered so that
// later tests do not wait for it again.
func ensure() (*PDS, error) {
	startMu.Lock()
	defer startMu.Unlock()
	if started != nil && healthy(URL) {
		return started, nil
	}
	if startErr != nil {
		return nil, startErr
	}
	started, startErr = launch()
	return started, startErr
}

// launch reuses a healthy PDS or runs the start script under the cache
// folder's lock.
func launch() (*PDS, error) {
	if healthy(URL) {
		return &PDS{URL: URL}, nil
	}
	dir, err := cacheDir()
	if err != nil {
		return nil, err
	}
	unlock, err := lock(filepath.Join(dir, ".start.lock"))
	if err != nil {
		return nil, err
	}
	defer unlock()
	if healthy(URL) { // another process started it while we waited
		return &PDS{URL: URL, Dir: dir}, nil
	}
	if err := runScript(dir); err != nil && !healthy(URL) {
		return nil, err
	}
	return &PDS{URL: URL, Dir: dir}, nil
}

// cacheDir returns (and creates) the folder the PDS is installed in.
func cacheDir() (string, error) {
	root := os.Getenv("RELAIS_PEERS_CACHE")
	if root == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no cache folder: set RELAIS_PEERS_CACHE: %w", err)
		}
		root = filepath.Join(home, ".cache", "relais-peers")
	}
	dir := filepath.Join(root, "bluesky")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot create %s: %w", dir, err)
	}
	return dir, nil
}

// lock takes an exclusive flock on path, waiting for another process that
// holds it (it may be installing the PDS).
func lock(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot open lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("cannot lock %s: %w", path, err)
	}
	return func() { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
}

// runScript writes the embedded scripts into dir/scripts and runs
// start.sh, its output going to dir/start.log. The PDS and PLC run in
// their own process group so that they outlive this test process.
func runScript(dir string) error {
	sdir := filepath.Join(dir, "scripts")
	if err := writeScripts(sdir); err != nil {
		return err
	}
	logPath := filepath.Join(dir, "start.log")
	out, err := os.Create(logPath)
	if err != nil {
		return fmt.Errorf("cannot create %s: %w", logPath, err)
	}
	defer out.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", filepath.Join(sdir, "start.sh"), dir)
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("start.sh failed (%v); see %s and %s", err, logPath, filepath.Join(dir, "pds.log"))
	}
	if !healthy(URL) {
		return fmt.Errorf("start.sh ended but %s does not answer; see %s", URL, logPath)
	}
	return nil
}

func writeScripts(sdir string) error {
	if err := os.MkdirAll(sdir, 0o755); err != nil {
		return err
	}
	for _, name := range []string{"start.sh", "pds.mjs", "plc.cjs"} {
		b, err := scripts.ReadFile("testdata/" + name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(sdir, name), b, 0o755); err != nil {
			return fmt.Errorf("cannot write %s: %w", name, err)
		}
	}
	return nil
}

// healthy reports whether a PDS answers base/xrpc/_health.
func healthy(base string) bool {
	c := http.Client{Timeout: 2 * time.Second}
	res, err := c.Get(base + "/xrpc/_health")
	if err != nil {
		return false
	}
	res.Body.Close()
	return res.StatusCode == http.StatusOK
}
