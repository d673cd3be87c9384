package main

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkColdStart measures the relais binary from exec to /readyz = 200
// on an existing SQLite data directory (the demo campaign), and its
// resident memory once idle. Targets (docs/PERFORMANCE.md): ≤ 500 ms, ≤ 60 MB.
//
//	go test -run '^$' -bench ColdStart -benchtime 5x ./cmd/relais/
func BenchmarkColdStart(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "relais")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	data := b.TempDir()
	if out, err := exec.Command(bin, "seed", "--data", data).CombinedOutput(); err != nil {
		b.Fatalf("seed: %v\n%s", err, out)
	}
	var rss float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rss = startOnce(b, bin, data)
	}
	b.ReportMetric(rss, "MB-idle-rss")
}

// startOnce starts relais, waits for readiness, reads its RSS after a
// second of idleness, and stops it. Only the start is timed.
func startOnce(b *testing.B, bin, data string) float64 {
	port := freePort(b)
	cmd := exec.Command(bin, "serve", "--data", data, "--addr", "127.0.0.1:"+port)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	url := "http://127.0.0.1:" + port + "/readyz"
	for {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Since(start) > 20*time.Second {
			b.Fatal("relais did not become ready")
		}
		time.Sleep(2 * time.Millisecond)
	}
	b.StopTimer()
	time.Sleep(time.Second)
	rss := residentMB(b, cmd.Process.Pid)
	b.StartTimer()
	return rss
}

func freePort(b *testing.B) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

// residentMB reads VmRSS from /proc.
func residentMB(b *testing.B, pid int) float64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
			return kb / 1024
		}
	}
	b.Fatal("no VmRSS")
	return 0
}
