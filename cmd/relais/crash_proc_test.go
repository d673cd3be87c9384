package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

var buildRelais = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "relais-crash-bin")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "relais")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %w: %s", err, out)
	}
	return bin, nil
})

// child is one relais process.
type child struct {
	cmd  *exec.Cmd
	addr string
	done chan struct{}
}

var readyAddr = regexp.MustCompile(`msg="relais ready" addr=(\S+)`)

// startChild runs `relais serve` on the data dir and database, with env
// (NAME=value) added, and waits until it listens. Its log is appended to
// logPath.
func startChild(t testing.TB, bin, dataDir, dbURL, logPath string, env ...string) *child {
	t.Helper()
	return startChildArgs(t, bin, dataDir, dbURL, logPath, []string{"--poll", "50ms", "--rescue-after", "2s"}, env...)
}

// startChildArgs is startChild with serve's flags args.
func startChildArgs(t testing.TB, bin, dataDir, dbURL, logPath string, args []string, env ...string) *child {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0", "--data", dataDir, "--database-url", dbURL}, args...)...)
	cmd.Env = append(append(os.Environ(), "RELAIS_LOG_LEVEL=info"), env...)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	c := &child{cmd: cmd, done: make(chan struct{})}
	addr := make(chan string, 1)
	go func() {
		log, _ := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
		defer log.Close()
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			fmt.Fprintln(log, sc.Text())
			if m := readyAddr.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		cmd.Wait()
		close(c.done)
	}()
	select {
	case c.addr = <-addr:
	case <-c.done:
		t.Fatalf("relais exited before it was ready; see %s", logPath)
	case <-time.After(20 * time.Second):
		t.Fatalf("relais not ready after 20 s; see %s", logPath)
	}
	t.Cleanup(func() { c.kill() })
	return c
}

// kill sends SIGKILL and waits for the process to be gone.
func (c *child) kill() {
	_ = c.cmd.Process.Kill()
	<-c.done
}

// crashClient talks to whichever child is running.
type crashClient struct {
	t     *testing.T
	token string
	addr  func() string
}

func (c crashClient) call(method, path string, body, out any) int {
	tm := &testMain{t: c.t, URL: "http://" + c.addr()}
	return tm.call(c.token, method, path, body, out)
}

func sleepCtx(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}
