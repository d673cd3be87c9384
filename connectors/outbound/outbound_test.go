package outbound

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestBlocked(t *testing.T) {
	for ip, want := range map[string]bool{
		"127.0.0.1": true, "10.1.2.3": true, "172.16.0.1": true, "192.168.1.1": true, "169.254.169.254": true,
		"100.64.0.1": true, "0.0.0.0": true, "::1": true, "::ffff:127.0.0.1": true, "fd00:ec2::254": true,
		"fe80::1": true, "224.0.0.1": true, "8.8.8.8": false, "1.1.1.1": false, "2001:4860:4860::8888": false,
	} {
		require.Equal(t, want, Blocked(netip.MustParseAddr(ip)), ip)
	}
}

// TestDialRefusesResolvedPrivateAddress: the guarded client refuses the
// loopback server whether named by address or by a name that resolves to
// it at connect time (this machine's host name and "localhost", neither
// an address literal: the check sees what DNS answered), and reaches it
// when private networks are allowed.
func TestDialRefusesResolvedPrivateAddress(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	host, _ := os.Hostname()
	guarded := NewClient(Options{})
	for _, u := range []string{srv.URL, "http://localhost:" + port, "http://" + host + ":" + port} {
		_, err := guarded.Get(u)
		require.ErrorIs(t, err, ErrBlocked, u)
	}
	require.Zero(t, hits.Load(), "nothing reached the server")
	require.NoError(t, CheckURL("http://"+host+":"+port, false), "a name passes when saved; the dial checks it")

	res, err := NewClient(Options{AllowPrivate: true}).Get(srv.URL)
	require.NoError(t, err)
	res.Body.Close()
	require.EqualValues(t, 1, hits.Load())
}

// dropSecond answers the first request on each connection and closes the
// connection after reading the second, without answering: the request was
// received, its answer lost on a reused keep-alive connection.
func dropSecond(t *testing.T, posts *atomic.Int32) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go serveDropSecond(c, posts)
		}
	}()
	return "http://" + ln.Addr().String()
}

func serveDropSecond(c net.Conn, posts *atomic.Int32) {
	defer c.Close()
	br := bufio.NewReader(c)
	for i := 0; ; i++ {
		req, err := http.ReadRequest(br)
		if err != nil {
			return
		}
		req.Body.Close()
		if req.Method == http.MethodPost {
			posts.Add(1)
		}
		if i == 1 {
			return
		}
		fmt.Fprint(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
	}
}

// TestNoReplayOfPublishingPost: a POST carrying an Idempotency-Key whose
// answer is lost on a reused connection is sent twice by a plain net/http
// client (Request.isReplayable), once through NoReplay and NewClient.
func TestNoReplayOfPublishingPost(t *testing.T) {
	send := func(c *http.Client, base string) error {
		res, err := c.Get(base + "/warm")
		if err != nil {
			return err
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		req, _ := http.NewRequest(http.MethodPost, base+"/statuses", strings.NewReader("status=Bonjour"))
		req.Header.Set("Idempotency-Key", "k-1")
		res, err = c.Do(req)
		if err == nil {
			res.Body.Close()
		}
		return err
	}
	for name, tc := range map[string]struct {
		client *http.Client
		posts  int32
	}{
		"plain net/http replays": {&http.Client{Transport: &http.Transport{}}, 2},
		"NoReplay":               {NoReplay(&http.Client{Transport: &http.Transport{}}), 1},
		"NewClient":              {NewClient(Options{AllowPrivate: true}), 1},
	} {
		t.Run(name, func(t *testing.T) {
			var posts atomic.Int32
			err := send(tc.client, dropSecond(t, &posts))
			require.Equal(t, tc.posts, posts.Load())
			if tc.posts == 1 {
				require.Error(t, err, "the lost answer is reported, not papered over by a second post")
			} else {
				require.NoError(t, err, "net/http re-sent the POST on a new connection and got its answer")
			}
		})
	}
}

func TestCheckURL(t *testing.T) {
	for _, u := range []string{"https://hooks.slack.com/services/T/B/X", "https://mastodon.social", "http://[2001:db8::1]/x"} {
		require.NoError(t, CheckURL(u, false), u)
	}
	for _, u := range []string{"http://127.0.0.1:8080/h", "http://localhost/h", "http://169.254.169.254/latest/meta-data",
		"http://[::1]/", "http://10.0.0.2", "http://[::ffff:192.168.0.1]/", "http://LOCALHOST./", "http://metadata.google.internal/"} {
		require.True(t, errors.Is(CheckURL(u, false), ErrBlocked), u)
		require.NoError(t, CheckURL(u, true), u)
	}
	for _, u := range []string{"ftp://example.org", "file:///etc/passwd", "https://", "::"} {
		require.Error(t, CheckURL(u, true), u)
	}
}

func FuzzCheckURL(f *testing.F) {
	f.Add("https://example.org/x")
	f.Add("http://[::ffff:127.0.0.1]:80/")
	f.Fuzz(func(t *testing.T, s string) {
		if CheckURL(s, false) == nil && CheckURL(s, true) != nil {
			t.Fatalf("%q allowed when private networks are not, refused when they are", s)
		}
	})
}
