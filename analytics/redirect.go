package analytics

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// Bounds of the public redirect, which anyone may call.
const (
	PerIPPerSecond = 20    // requests per client address and second
	MaxTrackedIPs  = 50000 // distinct addresses held per second; more are refused
	MaxCachedLinks = 20000 // destinations kept in memory
)

// Redirector serves GET /l/{code}: a 302 to the code's destination, a 404
// for an unknown code. It never redirects anywhere but a stored http(s)
// destination, and counts a click only for a person's GET.
type Redirector struct {
	st       *store.Store
	clicks   *Clicks
	ClientIP func(r *http.Request) string // the caller's address (behind trusted proxies)

	bots botCache

	mu     sync.Mutex
	cache  map[string]target
	window int64
	perIP  map[string]int
}

type target struct {
	id       int64
	url      string
	location string // url with non-ASCII bytes %-escaped, as a header needs
}

// NewRedirector returns the handler of short links.
func NewRedirector(st *store.Store, clicks *Clicks) *Redirector {
	return &Redirector{st: st, clicks: clicks, cache: map[string]target{}, perIP: map[string]int{},
		ClientIP: remoteHost}
}

// remoteHost is the connection's address without its port.
func remoteHost(r *http.Request) string {
	if h, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return h
	}
	return r.RemoteAddr
}

// ServeHTTP implements http.Handler.
func (h *Redirector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd["Cache-Control"], hd["X-Robots-Tag"] = noStore, noIndex // canonical keys: no per-request canonicalising
	code := r.PathValue("code")
	if !ValidCode(code) {
		notFoundLink(w)
		return
	}
	if !h.allow(h.ClientIP(r)) {
		w.Header().Set("Retry-After", "1")
		http.Error(w, "Trop de requêtes / Too many requests", http.StatusTooManyRequests)
		return
	}
	t, err := h.lookup(code)
	if relais.ErrorCode(err) == relais.ENOTFOUND || (err == nil && !trackable(t.url)) {
		notFoundLink(w)
		return
	} else if err != nil {
		http.Error(w, "Service indisponible / Service unavailable", http.StatusServiceUnavailable)
		return
	}
	if h.bots.countable(r) {
		h.clicks.Add(t.id)
	}
	// The destination is a stored absolute http(s) URL: no need for
	// http.Redirect's parsing of it, nor its HTML body.
	hd["Location"] = []string{t.location}
	w.WriteHeader(http.StatusFound)
}

var (
	noStore = []string{"no-store"}
	noIndex = []string{"noindex"}
)

func notFoundLink(w http.ResponseWriter) {
	http.Error(w, "Lien inconnu / Unknown link", http.StatusNotFound)
}

// lookup returns a code's destination, from memory when it can.
func (h *Redirector) lookup(code string) (target, error) {
	h.mu.Lock()
	t, ok := h.cache[code]
	h.mu.Unlock()
	if ok {
		return t, nil
	}
	l, err := h.st.LinkByCode(code)
	if err != nil {
		return target{}, err
	}
	if _, perr := url.Parse(l.URL); perr != nil {
		return target{}, errors.Join(relais.Errorf(relais.ENOTFOUND, "Unusable destination."), perr)
	}
	t = target{id: l.ID, url: l.URL, location: escapeNonASCII(l.URL)}
	h.mu.Lock()
	if len(h.cache) >= MaxCachedLinks {
		clear(h.cache)
	}
	h.cache[code] = t
	h.mu.Unlock()
	return t, nil
}

// allow counts a request for ip in the current second and reports whether
// it is within the limits.
func (h *Redirector) allow(ip string) bool {
	now := time.Now().Unix()
	h.mu.Lock()
	defer h.mu.Unlock()
	if now != h.window {
		h.window = now
		clear(h.perIP)
	}
	n, seen := h.perIP[ip]
	if !seen && len(h.perIP) >= MaxTrackedIPs {
		return false
	}
	h.perIP[ip] = n + 1
	return n < PerIPPerSecond
}

// escapeNonASCII %-escapes the bytes of s outside ASCII (an IRI's
// "é"), leaving the rest as written, as http.Redirect does.
func escapeNonASCII(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
