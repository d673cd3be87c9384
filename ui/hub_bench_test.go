package ui_test

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/relais/relais"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
	"github.com/relais/relais/ui"
)

// BenchmarkBroadcast2000 opens 2,000 real websocket clients on the
// dashboard's /ws and measures, for each event, how long it takes to reach
// every client. Target (docs/PERFORMANCE.md): p99 ≤ 100 ms. It first reports the
// server's memory per connected client (bytes/conn: Go heap and stacks
// held per connection, measured with 2,000 bare TCP clients that did the
// websocket handshake and received one event; target ≤ 30 KB).
//
//	go test -run '^$' -bench Broadcast2000 -benchtime 20x ./ui/
func BenchmarkBroadcast2000(b *testing.B) {
	const clients = 2000
	st := storetest.Open(b, store.DialectSQLite)
	authn := auth.New(st)
	ctx := context.Background()
	if err := authn.AddMember(ctx, &relais.Member{Email: "web@example.org", Name: "Web", Role: relais.RoleEditor}, ""); err != nil {
		b.Fatal(err)
	}
	tok, err := authn.IssueToken(ctx, "web@example.org")
	if err != nil {
		b.Fatal(err)
	}
	hub := ui.NewHub()
	srv := httptest.NewServer(ui.New(ui.Config{Auth: authn, Hub: hub}))
	defer srv.Close()
	perConn := bytesPerConn(b, srv.URL, tok, hub, clients)

	var mu sync.Mutex
	var lat []time.Duration
	var wg sync.WaitGroup
	conns := dialMany(b, srv.URL, tok, clients)
	for _, c := range conns {
		go readLatencies(c, &mu, &lat, &wg)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		wg.Add(clients)
		hub.Publish(relais.Event{Type: relais.EventPostUpdated, Data: map[string]any{"sent": time.Now().UnixNano()}})
		wg.Wait()
	}
	b.StopTimer()
	for _, c := range conns {
		c.Close()
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-p50")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "ms-p99")
	b.ReportMetric(perConn, "bytes/conn")
}

// bytesPerConn connects n bare TCP websocket clients (a handshake, then
// nothing read, so that they cost the process almost nothing), publishes
// one event, and returns the growth of the Go heap and stacks per client.
func bytesPerConn(b *testing.B, url, tok string, hub *ui.Hub, n int) float64 {
	before := memInUse()
	conns := make([]net.Conn, 0, n)
	for len(conns) < n {
		conns = append(conns, rawDial(b, strings.TrimPrefix(url, "http://"), tok))
	}
	for hub.Count() < n {
		time.Sleep(10 * time.Millisecond)
	}
	hub.Publish(relais.Event{Type: relais.EventPostUpdated, Data: map[string]any{"sent": time.Now().UnixNano()}})
	time.Sleep(500 * time.Millisecond)
	per := float64(memInUse()-before) / float64(n)
	for _, c := range conns {
		c.Close()
	}
	for hub.Count() > 0 {
		time.Sleep(10 * time.Millisecond)
	}
	return per
}

func memInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc + m.StackInuse
}

// rawDial opens /ws with a hand-written handshake and reads only the
// handshake's answer.
func rawDial(b *testing.B, addr, tok string) net.Conn {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(c, "GET /ws HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer %s\r\n\r\n", addr, tok)
	res, err := http.ReadResponse(bufio.NewReaderSize(c, 512), nil)
	if err != nil || res.StatusCode != http.StatusSwitchingProtocols {
		b.Fatalf("handshake: %v %v", res, err)
	}
	return c
}

func dialMany(b *testing.B, url, tok string, n int) []*websocket.Conn {
	h := http.Header{"Authorization": {"Bearer " + tok}}
	conns := make([]*websocket.Conn, 0, n)
	for len(conns) < n {
		c, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(url, "http")+"/ws", h)
		if err != nil {
			b.Fatalf("dial %d: %v", len(conns), err)
		}
		conns = append(conns, c)
	}
	return conns
}

// readLatencies records, for every event received, the time since it was
// published.
func readLatencies(c *websocket.Conn, mu *sync.Mutex, lat *[]time.Duration, wg *sync.WaitGroup) {
	for {
		var e relais.Event
		if err := c.ReadJSON(&e); err != nil {
			return
		}
		sent, ok := e.Data["sent"].(float64)
		if !ok {
			continue // the hello, not a broadcast
		}
		d := time.Since(time.Unix(0, int64(sent)))
		mu.Lock()
		*lat = append(*lat, d)
		mu.Unlock()
		wg.Done()
	}
}
