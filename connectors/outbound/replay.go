package outbound

import "net/http"

// NoReplay returns a client like c (http.DefaultClient when nil) whose
// transport never re-sends a request that has a body, such as a
// publication.
//
// net/http's Transport silently sends a request again on a new connection
// when a reused keep-alive connection fails before the answer, provided
// the request is "replayable" (Request.isReplayable in net/http/request.go):
// a body that can be rewound (GetBody set, as NewRequest does for
// bytes.Reader, bytes.Buffer and strings.Reader bodies) and a GET, HEAD,
// OPTIONS or TRACE method, or an Idempotency-Key / X-Idempotency-Key
// header. A Mastodon-API server that ignores the key (GoToSocial) then
// publishes twice. Clearing GetBody makes such a request non-replayable;
// net/http still retries one whose body was never read (nothing was
// sent), which is safe.
func NoReplay(c *http.Client) *http.Client {
	if c == nil {
		c = http.DefaultClient
	}
	if _, ok := c.Transport.(noReplay); ok {
		return c
	}
	cp := *c
	cp.Transport = noReplay{base: c.Transport}
	return &cp
}

// noReplay is the RoundTripper of NoReplay.
type noReplay struct{ base http.RoundTripper }

// RoundTrip implements http.RoundTripper.
func (t noReplay) RoundTrip(r *http.Request) (*http.Response, error) {
	base := t.base
	if base == nil {
		base = http.DefaultTransport
	}
	if r.Body == nil || r.Body == http.NoBody || r.GetBody == nil {
		return base.RoundTrip(r)
	}
	r2 := r.Clone(r.Context())
	r2.GetBody = nil
	return base.RoundTrip(r2)
}
