package analytics_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

const browserUA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"

// serve starts the redirect on a real HTTP server and returns a client
// that does not follow redirects.
func serve(t *testing.T, svc *analytics.Service) (*httptest.Server, *http.Client) {
	mux := http.NewServeMux()
	mux.Handle("GET /l/{code}", svc.Redirector())
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return srv, c
}

func call(t *testing.T, c *http.Client, method, url string, h map[string]string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	require.NoError(t, err)
	req.Header.Set("User-Agent", browserUA)
	for k, v := range h {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	return res
}

// TestClickCountsOnce checks that a person's click on /l/{code} answers 302
// to the destination and counts once, and that HEAD, prefetches (Sec-Purpose
// and Purpose) and known bots are redirected but not counted; unknown and
// malformed codes get 404.
func TestClickCountsOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		f := newFixture(t, dialect)
		linker, err := analytics.NewLinker(f.ctx, f.st, "https://r.example.org/")
		require.NoError(t, err)
		svc := analytics.New(f.st, linker, nil)
		sc := analytics.ScopeForAccount(f.post, f.account)
		var text string
		storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) (err error) {
			text, err = linker.Rewrite(tx, sc, f.post.Text)
			return err
		}))
		code := linker.Code(sc, "https://paris2026.fr/programme")
		require.Equal(t, "Le programme : https://r.example.org/l/"+code, text)
		srv, c := serve(t, svc)
		u := srv.URL + "/l/" + code

		res := call(t, c, "GET", u, nil)
		require.Equal(t, http.StatusFound, res.StatusCode)
		require.Equal(t, "https://paris2026.fr/programme", res.Header.Get("Location"))
		for _, h := range []map[string]string{{"Sec-Purpose": "prefetch;prerender"}, {"Purpose": "prefetch"},
			{"User-Agent": "Mozilla/5.0 (compatible; Twitterbot/1.0)"}, {"User-Agent": "facebookexternalhit/1.1"},
			{"User-Agent": "http.rb/5.1.1 (Mastodon/4.2.0; +https://mastodon.social/)"}, {"User-Agent": ""}} {
			res := call(t, c, "GET", u, h)
			require.Equal(t, http.StatusFound, res.StatusCode, "%v", h)
		}
		require.Equal(t, http.StatusFound, call(t, c, "HEAD", u, nil).StatusCode)
		require.Equal(t, http.StatusNotFound, call(t, c, "GET", srv.URL+"/l/AAAAAAAAAA", nil).StatusCode)
		require.Equal(t, http.StatusNotFound, call(t, c, "GET", srv.URL+"/l/..%2fevil", nil).StatusCode)

		ls, err := svc.PostLinks(f.as(f.editor), f.post.ID)
		require.NoError(t, err)
		require.Equal(t, []analytics.LinkView{{Code: code, Short: "https://r.example.org/l/" + code, URL: "https://paris2026.fr/programme",
			Channel: "account", Variant: "", District: "", Clicks: 1}}, ls)

		call(t, c, "GET", u, nil)
		ls, _ = svc.PostLinks(f.as(f.editor), f.post.ID)
		require.EqualValues(t, 2, ls[0].Clicks, "a second click counts")
		_, err = svc.PostLinks(f.as(f.colist), f.post.ID)
		require.Equal(t, relais.EFORBIDDEN, relais.ErrorCode(err))
	})
}

// TestRedirectNeverOpen checks that a stored destination that is not an
// http(s) URL is never redirected to, and that the path cannot name one.
func TestRedirectNeverOpen(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "sqlite")
	svc := analytics.New(f.st, nil, nil)
	storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error {
		return tx.SaveLinks([]store.Link{{Code: "JSJSJSJSJS", PostID: f.post.ID, Channel: "account", URL: "javascript:alert(1)"}})
	}))
	srv, c := serve(t, svc)
	for _, p := range []string{"/l/JSJSJSJSJS", "/l/https:%2F%2Fevil.example", "/l/%2F%2Fevil.example"} {
		res := call(t, c, "GET", srv.URL+p, nil)
		require.Equal(t, http.StatusNotFound, res.StatusCode, p)
		require.Empty(t, res.Header.Get("Location"), p)
	}
	// A destination with non-ASCII characters goes out %-escaped, exactly.
	storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error {
		return tx.SaveLinks([]store.Link{{Code: "IRIIRIIRII", PostID: f.post.ID, Channel: "account", URL: "https://paris2026.fr/élections?q=a b"}})
	}))
	res := call(t, c, "GET", srv.URL+"/l/IRIIRIIRII", nil)
	require.Equal(t, http.StatusFound, res.StatusCode)
	require.Equal(t, "https://paris2026.fr/%C3%A9lections?q=a b", res.Header.Get("Location"))
}

// TestRedirectRateLimited checks that one address gets 429 past
// PerIPPerSecond requests in a second.
func TestRedirectRateLimited(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "sqlite")
	srv, c := serve(t, analytics.New(f.st, nil, nil))
	limited := 0
	for i := 0; i < 2*analytics.PerIPPerSecond+5; i++ {
		if call(t, c, "GET", srv.URL+"/l/AAAAAAAAAA", nil).StatusCode == http.StatusTooManyRequests {
			limited++
		}
	}
	require.GreaterOrEqual(t, limited, 5)
}

// TestShortenScopes checks codes: stable for a scope and destination,
// different across channels, districts and variants; scheme-less URLs and
// links already short are left alone; the hash covers destinations.
func TestShortenScopes(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "sqlite")
	l, err := analytics.NewLinker(f.ctx, f.st, "https://r.example.org")
	require.NoError(t, err)
	again, err := analytics.NewLinker(f.ctx, f.st, "https://r.example.org")
	require.NoError(t, err)
	a := analytics.Scope{PostID: 1, Channel: analytics.ChannelColistier, District: "11e"}
	d := "https://paris2026.fr/a"
	require.Equal(t, l.Code(a, d), again.Code(a, d), "the key is the campaign's, not the process's")
	seen := map[string]bool{l.Code(a, d): true}
	for _, sc := range []analytics.Scope{{PostID: 1, Channel: analytics.ChannelColistier, District: "12e"},
		{PostID: 1, Channel: analytics.ChannelSupporter, District: "11e"}, {PostID: 1, Variant: "x", Channel: analytics.ChannelColistier, District: "11e"},
		{PostID: 2, Channel: analytics.ChannelColistier, District: "11e"}} {
		require.False(t, seen[l.Code(sc, d)], "%+v", sc)
		seen[l.Code(sc, d)] = true
	}
	out, pairs := l.Shorten(a, "Voir paris2026.fr et https://r.example.org/l/AAAAAAAAAA puis "+d+" et "+d+"!")
	require.Len(t, pairs, 2)
	require.Equal(t, "Voir paris2026.fr et https://r.example.org/l/AAAAAAAAAA puis "+pairs[0].Short+" et "+pairs[1].Short+"!", out)

	p := *f.post
	h := p.Hash()
	p.Text = strings.Replace(p.Text, "programme", "programme2", 1)
	require.NotEqual(t, h, p.Hash(), "changing a destination changes the content hash")
}

// FuzzShorten checks that shortening never panics, keeps the text around
// the links, and only replaces URLs the text holds.
func FuzzShorten(f *testing.F) {
	l := analytics.NewTestLinker("https://r.example.org")
	for _, s := range []string{"", "https://a.fr", "x http://a.fr/é?b=1#c y", "https://", "é https://ü.example/ä https://a.fr"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, pairs := l.Shorten(analytics.Scope{PostID: 1, Channel: "account"}, s)
		if len(pairs) == 0 && out != s {
			t.Fatalf("no link but text changed: %q -> %q", s, out)
		}
		for _, p := range pairs {
			if !strings.Contains(s, p.URL) || !strings.Contains(out, p.Short) || !analytics.ValidCode(p.Code) {
				t.Fatalf("bad pair %+v for %q", p, s)
			}
		}
	})
}
