package ui_test

import (
	"context"
	"net/http"
	"net/http/httptest"
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
// every client. Target (DESIGN.md): p99 ≤ 100 ms.
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
		sent, _ := e.Data["sent"].(float64)
		d := time.Since(time.Unix(0, int64(sent)))
		mu.Lock()
		*lat = append(*lat, d)
		mu.Unlock()
		wg.Done()
	}
}
