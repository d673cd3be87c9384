package bluesky

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// dropProxy is a loopback HTTP proxy in front of the real PDS. It forwards
// every request and, while drops > 0, throws away the PDS's answer to
// createRecord and closes the client's connection: the post exists, the
// client never learns it. It counts the calls by NSID and remembers
// whether each dropped answer was on a connection that had carried an
// earlier request (a reused keep-alive connection) or a fresh one.
type dropProxy struct {
	srv    *httptest.Server
	target string
	fwd    *http.Client

	mu          sync.Mutex
	drops       int
	failGets    int // getRecord calls to answer 502 after a drop
	calls       map[string]int
	perConn     map[string]int
	droppedOnRe []bool
}

func newDropProxy(t *testing.T, target string) *dropProxy {
	p := &dropProxy{target: target, fwd: &http.Client{}, calls: map[string]int{}, perConn: map[string]int{}}
	p.srv = httptest.NewServer(p)
	t.Cleanup(p.srv.Close)
	return p
}

func (p *dropProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req, err := http.NewRequestWithContext(r.Context(), r.Method, p.target+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	req.Header = r.Header.Clone()
	res, err := p.fwd.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer res.Body.Close()
	answer, _ := io.ReadAll(res.Body)
	if p.failGet(r) {
		http.Error(w, `{"error":"UpstreamFailure","message":"proxy"}`, http.StatusBadGateway)
		return
	}
	if p.count(r) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
		return
	}
	for k, v := range res.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(res.StatusCode)
	w.Write(answer)
}

// count records r and reports whether its answer is to be dropped.
func (p *dropProxy) count(r *http.Request) bool {
	nsid := strings.TrimPrefix(r.URL.Path, "/xrpc/")
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls[nsid]++
	seen := p.perConn[r.RemoteAddr]
	p.perConn[r.RemoteAddr]++
	if nsid != "com.atproto.repo.createRecord" || p.drops == 0 {
		return false
	}
	p.drops--
	p.droppedOnRe = append(p.droppedOnRe, seen > 0)
	return true
}

// failGet reports whether r is a getRecord to answer with 502 (a lookup
// that cannot tell), once a createRecord answer has been dropped.
func (p *dropProxy) failGet(r *http.Request) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !strings.HasSuffix(r.URL.Path, "getRecord") || p.failGets == 0 || len(p.droppedOnRe) == 0 {
		return false
	}
	p.failGets--
	return true
}

func (p *dropProxy) n(nsid string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.calls[nsid]
}
