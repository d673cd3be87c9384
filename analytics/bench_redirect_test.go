package analytics_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/relais/relais/analytics"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// BenchmarkRedirectP99 sends 500 requests/s for 4 s to /l/{code} (1,000
// links on SQLite, clicks counted) and, in the same run, to a bare
// http.Redirect handler, over real loopback HTTP; it reports both p99
// latencies and their ratio. Run with -benchtime=1x.
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
		p99, errs := load(srv.URL+"/l/", codes, 500, 4*time.Second)
		bare, _ := load(srv.URL+"/bare/", codes, 500, 4*time.Second)
		_ = svc.Clicks.Flush(f.ctx)
		b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(bare.Microseconds())/1000, "bare-p99-ms")
		b.ReportMetric(float64(p99)/float64(bare), "ratio")
		b.ReportMetric(float64(errs), "errors")
	}
}

// load sends rate requests per second for d, each from its own address,
// and returns the p99 latency and the number of non-302 answers.
func load(prefix string, codes []string, rate int, d time.Duration) (time.Duration, int) {
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport: &http.Transport{MaxIdleConnsPerHost: 200}}
	n := int(d.Seconds() * float64(rate))
	lat := make([]time.Duration, n)
	errs := make([]bool, n)
	var wg sync.WaitGroup
	tick := time.NewTicker(time.Second / time.Duration(rate))
	defer tick.Stop()
	for i := 0; i < n; i++ {
		<-tick.C
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			req, _ := http.NewRequest("GET", prefix+codes[i%len(codes)], nil)
			req.Header.Set("User-Agent", browserUA)
			req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.0.%d.%d", i/250%250, i%250))
			start := time.Now()
			res, err := c.Do(req)
			lat[i] = time.Since(start)
			errs[i] = err != nil || res.StatusCode != http.StatusFound
			if err == nil {
				res.Body.Close()
			}
		}(i)
	}
	wg.Wait()
	slices.Sort(lat)
	bad := 0
	for _, e := range errs {
		if e {
			bad++
		}
	}
	return lat[n*99/100], bad
}
