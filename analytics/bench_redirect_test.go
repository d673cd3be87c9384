package analytics_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/relais/relais/analytics"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// BenchmarkRedirectP99 offers 500 requests/s for 4 s to /l/{code} (1,000
// links on SQLite, clicks counted) and, in the same run, 500 requests/s
// for 4 s to a bare http.Redirect handler on the same server, over real
// loopback HTTP. The load is open-loop: request i is due at start + i×2 ms
// whatever the answers before it (none waits for another). The two
// targets alternate every 20 ms (10 requests), so that both see the same
// machine, bursts of other work included. It
// reports both p99 latencies (from each request's sending), their ratio,
// the rate actually offered and how late the sender fell behind its
// schedule at worst (on a starved machine, the rate was not offered).
// Run with -benchtime=1x.
func BenchmarkRedirectP99(b *testing.B) {
	f := newFixture(b, "sqlite")
	svc := analytics.New(f.st, nil, nil)
	codes := make([]string, 1000)
	storetest.Must(b, f.st.Update(f.ctx, func(tx *store.Tx) error {
		ls := make([]store.Link, len(codes))
		for i := range ls {
			codes[i] = fmt.Sprintf("B%09d", i)
			ls[i] = store.Link{Code: codes[i], PostID: f.post.ID, Channel: "account", URL: fmt.Sprintf("https://paris2026.fr/%d", i)}
		}
		return tx.SaveLinks(ls)
	}))
	red := svc.Redirector()
	red.ClientIP = func(r *http.Request) string { return r.Header.Get("X-Forwarded-For") } // behind a trusted proxy
	mux := http.NewServeMux()
	mux.Handle("GET /l/{code}", red)
	mux.HandleFunc("GET /bare/{code}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://paris2026.fr/"+r.PathValue("code"), http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for i := 0; i < b.N; i++ {
		lat, errs, lag, offered := load(srv.URL, codes, 500, 4*time.Second)
		_ = svc.Clicks.Flush(f.ctx)
		p99, bare := pct(lat["/l/"], 99), pct(lat["/bare/"], 99)
		b.ReportMetric(ms(p99), "p99-ms")
		b.ReportMetric(ms(bare), "bare-p99-ms")
		b.ReportMetric(ms(pct(lat["/l/"], 50)), "p50-ms")
		b.ReportMetric(ms(pct(lat["/bare/"], 50)), "bare-p50-ms")
		b.ReportMetric(float64(p99)/float64(bare), "ratio")
		b.ReportMetric(float64(errs), "errors")
		b.ReportMetric(ms(lag), "sender-lag-ms")
		b.ReportMetric(offered, "offered-req/s")
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// pct returns the p-th percentile of sorted latencies.
func pct(sorted []time.Duration, p int) time.Duration { return sorted[len(sorted)*p/100] }

// load offers rate requests per second for d to each of /l/ and /bare/,
// alternating every 10 requests, each request from its own address; it returns
// the sorted latencies per prefix, the number of non-302 answers, the
// sender's worst lateness and the rate it offered.
func load(base string, codes []string, rate int, d time.Duration) (map[string][]time.Duration, int, time.Duration, float64) {
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport: &http.Transport{MaxIdleConnsPerHost: 200}}
	const perSlice = 10 // requests to one target before the other's turn
	n := 2 * int(d.Seconds()*float64(rate))
	every := time.Second / time.Duration(rate)
	lat, prefix := make([]time.Duration, n), make([]string, n)
	var bad atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	var lag time.Duration
	for i := 0; i < n; i++ {
		prefix[i] = [2]string{"/l/", "/bare/"}[i/perSlice%2]
		due := start.Add(time.Duration(i) * every)
		time.Sleep(time.Until(due))
		lag = max(lag, time.Since(due))
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var ok bool
			if lat[i], ok = get(c, base+prefix[i]+codes[i%len(codes)], i); !ok {
				bad.Add(1)
			}
		}(i)
	}
	offered := float64(n) / time.Since(start).Seconds()
	wg.Wait()
	return byPrefix(prefix, lat), int(bad.Load()), lag, offered
}

// get sends person i's click and returns its latency and whether it was
// answered 302.
func get(c *http.Client, url string, i int) (time.Duration, bool) {
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("User-Agent", browserUA)
	req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", i/62500, i/250%250, i%250))
	sent := time.Now()
	res, err := c.Do(req)
	took := time.Since(sent)
	if err != nil {
		return took, false
	}
	res.Body.Close()
	return took, res.StatusCode == http.StatusFound
}

// byPrefix sorts the latencies of each target apart.
func byPrefix(prefix []string, lat []time.Duration) map[string][]time.Duration {
	out := map[string][]time.Duration{}
	for i, p := range prefix {
		out[p] = append(out[p], lat[i])
	}
	for _, l := range out {
		slices.Sort(l)
	}
	return out
}

// BenchmarkRedirectHandler measures the handler alone (no network), for
// profiling its per-request cost: a person's GET on one of 1,000 codes.
func BenchmarkRedirectHandler(b *testing.B) {
	f := newFixture(b, "sqlite")
	svc := analytics.New(f.st, nil, nil)
	codes := make([]string, 1000)
	storetest.Must(b, f.st.Update(f.ctx, func(tx *store.Tx) error {
		ls := make([]store.Link, len(codes))
		for i := range ls {
			codes[i] = fmt.Sprintf("B%09d", i)
			ls[i] = store.Link{Code: codes[i], PostID: f.post.ID, Channel: "account", URL: fmt.Sprintf("https://paris2026.fr/%d", i)}
		}
		return tx.SaveLinks(ls)
	}))
	red := svc.Redirector()
	red.ClientIP = func(r *http.Request) string { return r.Header.Get("X-Forwarded-For") }
	mux := http.NewServeMux()
	mux.Handle("GET /l/{code}", red)
	// 40,000 people: each well under the per-address limit at any rate.
	reqs := make([]*http.Request, 40000)
	for i := range reqs {
		reqs[i] = httptest.NewRequest("GET", "/l/"+codes[i%len(codes)], nil)
		reqs[i].Header.Set("User-Agent", browserUA)
		reqs[i].Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", i/62500, i/250%250, i%250))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, reqs[i%len(reqs)])
		if w.Code != http.StatusFound {
			b.Fatal(w.Code)
		}
	}
}
