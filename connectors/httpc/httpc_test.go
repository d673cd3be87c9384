package httpc

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/stretchr/testify/require"
)

// losingServer answers the first request of each connection and, on the
// second, reads it and hangs up without answering: a publication received
// whose answer is lost on a reused keep-alive connection. It counts the
// POSTs it received.
func losingServer(t *testing.T, posts *atomic.Int32) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	go func() {
		for c, err := ln.Accept(); err == nil; c, err = ln.Accept() {
			go func(c net.Conn) {
				defer c.Close()
				br := bufio.NewReader(c)
				for n := 0; n < 2; n++ {
					req, err := http.ReadRequest(br)
					if err != nil {
						return
					}
					io.Copy(io.Discard, req.Body)
					if req.Method == http.MethodPost {
						posts.Add(1)
					}
					if n == 0 {
						io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")
					}
				}
			}(c)
		}
	}()
	return "http://" + ln.Addr().String()
}

// publish warms a keep-alive connection with a GET, then sends a
// publishing POST with an Idempotency-Key (which makes net/http consider
// it replayable when it can rewind the body).
func publish(c *Client, base string) error {
	ctx := context.Background()
	if _, err := c.Do(ctx, Request{URL: base + "/warm", Op: "warm up"}, nil); err != nil {
		return err
	}
	_, err := c.Do(ctx, Request{Method: http.MethodPost, URL: base + "/statuses", Op: "create status", Creates: true,
		JSON: map[string]string{"status": "Bonjour"}, Header: http.Header{"Idempotency-Key": {"k-1"}}}, nil)
	return err
}

// TestNoAutomaticReplayOfPublishingPost: net/http re-sends a rewindable
// POST carrying an Idempotency-Key when a reused connection drops before
// the answer (shown with a plain client); a Client sends it once and
// reports the lost answer as OutcomeUnknown.
func TestNoAutomaticReplayOfPublishingPost(t *testing.T) {
	var plain atomic.Int32
	base := losingServer(t, &plain)
	hc := &http.Client{Transport: &http.Transport{}}
	res, err := hc.Get(base + "/warm")
	require.NoError(t, err)
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	req, _ := http.NewRequest(http.MethodPost, base+"/statuses", strings.NewReader(`{"status":"Bonjour"}`))
	req.Header.Set("Idempotency-Key", "k-1")
	if res, err := hc.Do(req); err == nil {
		res.Body.Close()
	}
	require.EqualValues(t, 2, plain.Load(), "plain net/http replays the POST")

	var posts atomic.Int32
	err = publish(New(&http.Client{Transport: &http.Transport{}}, Config{Platform: "p"}), losingServer(t, &posts))
	require.EqualValues(t, 1, posts.Load(), "the publication was sent once")
	require.Equal(t, connectors.OutcomeUnknown, connectors.ClassOf(err), "%v", err)
}

// recorder is a transport that keeps the request it is given.
type recorder struct{ got *http.Request }

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.got = req
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(`{"id":"7"}`)), Request: req}, nil
}

// TestRequestAsSent: what reaches the transport carries no GetBody (so it
// cannot be replayed), the JSON body, the bearer token, the User-Agent and
// extra headers; the answer is decoded.
func TestRequestAsSent(t *testing.T) {
	rec := &recorder{}
	c := New(&http.Client{Transport: rec}, Config{Platform: "p", UserAgent: "relais-test"})
	var out struct{ ID string }
	_, err := c.Do(context.Background(), Request{Method: http.MethodPost, URL: "https://example.org/post", Op: "create post",
		Creates: true, Token: "tok", JSON: map[string]string{"text": "Bonjour"}, Header: http.Header{"Idempotency-Key": {"k"}}}, &out)
	require.NoError(t, err)
	require.Equal(t, "7", out.ID)
	got := rec.got
	require.Nil(t, got.GetBody, "a publication must not be rewindable by net/http")
	b, _ := io.ReadAll(got.Body)
	require.JSONEq(t, `{"text":"Bonjour"}`, string(b))
	require.Equal(t, "Bearer tok", got.Header.Get("Authorization"))
	require.Equal(t, "relais-test", got.Header.Get("User-Agent"))
	require.Equal(t, "application/json", got.Header.Get("Content-Type"))
	require.Equal(t, "k", got.Header.Get("Idempotency-Key"))
}

// answering returns a server answering status, header and body.
func answering(t *testing.T, status int, header http.Header, body string) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range header {
			w.Header()[k] = v
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestClassify: the default classes by status, KeyedRetry, Retry-After,
// the platform's message and its Refine.
func TestClassify(t *testing.T) {
	rules := Rules{
		Message: func(b []byte) string { return strings.ToUpper(string(b)) },
		Refine: func(op string, ans Answer, e *connectors.Error) {
			if ans.Status == http.StatusForbidden {
				e.Class = connectors.AuthExpired
			}
		},
	}
	for _, tc := range []struct {
		status       int
		creates, key bool
		want         connectors.Class
	}{
		{429, true, false, connectors.RateLimited}, {401, false, false, connectors.AuthExpired},
		{403, false, false, connectors.AuthExpired}, {400, true, false, connectors.Permanent},
		{500, true, false, connectors.OutcomeUnknown}, {502, true, true, connectors.Retryable},
		{503, false, false, connectors.Retryable},
	} {
		c := New(nil, Config{Platform: "p", KeyedRetry: tc.key, Rules: rules})
		u := answering(t, tc.status, http.Header{"Retry-After": {"120"}}, "refusé")
		_, err := c.Do(context.Background(), Request{URL: u, Op: "create post", Creates: tc.creates}, nil)
		var e *connectors.Error
		require.True(t, errors.As(err, &e), "%d: %v", tc.status, err)
		require.Equal(t, tc.want, e.Class, "%d", tc.status)
		require.Equal(t, tc.status, e.Status)
		require.Equal(t, "REFUSÉ", e.Message)
		require.Contains(t, e.Error(), "p: unable to create post")
		if tc.want == connectors.RateLimited {
			require.WithinDuration(t, time.Now().Add(2*time.Minute), e.Until, 5*time.Second)
		}
	}
}

// TestTransportErrors: a refused dial never reached the platform
// (Retryable, even for a publication); a connection dropped after the
// request is OutcomeUnknown for a publication, Retryable for a read or
// under KeyedRetry; the URL (which may hold a secret) is not in the error.
func TestTransportErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := "http://" + ln.Addr().String() + "/secret-path"
	ln.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _, _ := w.(http.Hijacker).Hijack()
		c.Close()
	}))
	defer srv.Close()
	dropped := srv.URL + "/secret-path"
	for _, tc := range []struct {
		url          string
		creates, key bool
		want         connectors.Class
	}{
		{closed, true, false, connectors.Retryable}, {dropped, true, false, connectors.OutcomeUnknown},
		{dropped, false, false, connectors.Retryable}, {dropped, true, true, connectors.Retryable},
	} {
		c := New(nil, Config{Platform: "p", KeyedRetry: tc.key})
		_, err := c.Do(context.Background(), Request{Method: http.MethodPost, URL: tc.url, Op: "post", Creates: tc.creates, JSON: 1}, nil)
		require.Equal(t, tc.want, connectors.ClassOf(err), "%s %v: %v", tc.url, tc.creates, err)
		require.NotContains(t, err.Error(), "secret-path")
	}
}

// TestMaxBodyAndBadAnswer: an answer is read up to MaxBody; a 2xx answer
// that is not the expected JSON is OutcomeUnknown after a publication,
// Retryable after a read.
func TestMaxBodyAndBadAnswer(t *testing.T) {
	u := answering(t, 400, nil, strings.Repeat("x", 100))
	ans, err := New(nil, Config{Platform: "p", MaxBody: 10}).Do(context.Background(), Request{URL: u, Op: "read"}, nil)
	require.Error(t, err)
	require.Len(t, ans.Body, 10)

	big := answering(t, 200, nil, `{"id":"`+strings.Repeat("9", 100)+`"}`)
	c := New(nil, Config{Platform: "p", MaxBody: 10})
	var out struct{ ID string }
	_, err = c.Do(context.Background(), Request{URL: big, Op: "create", Creates: true}, &out)
	require.Equal(t, connectors.OutcomeUnknown, connectors.ClassOf(err), "%v", err)
	_, err = c.Do(context.Background(), Request{URL: big, Op: "read"}, &out)
	require.Equal(t, connectors.Retryable, connectors.ClassOf(err), "%v", err)
}

// TestBaseAndWaits: an account's BaseURL wins over the configured one,
// trailing slashes dropped; Retry-After and epoch resets are read, with
// their defaults; Sleep ends with its context.
func TestBaseAndWaits(t *testing.T) {
	c := New(nil, Config{BaseURL: "https://api.example.org/"})
	require.Equal(t, "https://api.example.org", c.Base(relais.Account{}))
	require.Equal(t, "https://own.example.org", c.Base(relais.Account{BaseURL: "https://own.example.org/"}))

	at := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	require.Equal(t, at, RetryAfter(http.Header{"Retry-After": {at.Format(http.TimeFormat)}}, time.Hour))
	require.WithinDuration(t, time.Now().Add(time.Hour), RetryAfter(http.Header{}, time.Hour), 5*time.Second)
	require.Equal(t, at, ResetEpoch(http.Header{"X-Reset": {"1893553445"}}, "x-reset", time.Hour))
	require.WithinDuration(t, time.Now().Add(time.Hour), ResetEpoch(http.Header{}, "x-reset", time.Hour), 5*time.Second)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	require.ErrorIs(t, Sleep(ctx, time.Hour), context.Canceled)
	require.NoError(t, Sleep(context.Background(), time.Millisecond))
}
