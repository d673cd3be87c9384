package x

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/relais/relais"
)

var creds = map[string]string{
	CredConsumerKey: "xvz1evFS4wEEPTGEFPHBog", CredConsumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
	CredAccessToken: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", CredAccessTokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
}

// fake is an X API double on 127.0.0.1. It checks every request's OAuth
// 1.0a signature and records what it received.
type fake struct {
	t      *testing.T
	srv    *httptest.Server
	mu     sync.Mutex
	reqs   []*http.Request
	bodies [][]byte
	answer func(w http.ResponseWriter, r *http.Request, body []byte)
}

func mustFake(t *testing.T, answer func(w http.ResponseWriter, r *http.Request, body []byte)) *fake {
	t.Helper()
	f := &fake{t: t, answer: answer}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fake) account() relais.Account {
	return relais.Account{ID: 1, Platform: relais.PlatformX, Handle: "@AnneParis", BaseURL: f.srv.URL, Credentials: creds}
}

func (f *fake) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.reqs, f.bodies = append(f.reqs, r), append(f.bodies, body)
	f.mu.Unlock()
	if err := verifyOAuth(r, creds[CredConsumerSecret], creds[CredAccessTokenSecret]); err != "" {
		f.t.Errorf("bad OAuth header on %s %s: %s", r.Method, r.URL.Path, err)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	f.answer(w, r, body)
}

func (f *fake) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.reqs)
}

// verifyOAuth recomputes the HMAC-SHA1 signature of r per RFC 5849 and
// checks the header's fields. It returns "" when all is well.
func verifyOAuth(r *http.Request, consumerSecret, tokenSecret string) string {
	h := r.Header.Get("Authorization")
	if !strings.HasPrefix(h, "OAuth ") {
		return "no OAuth authorization header"
	}
	params := map[string]string{}
	for _, kv := range strings.Split(strings.TrimPrefix(h, "OAuth "), ", ") {
		k, v, _ := strings.Cut(kv, "=")
		uv, _ := url.PathUnescape(strings.Trim(v, `"`))
		params[k] = uv
	}
	want := map[string]string{"oauth_consumer_key": creds[CredConsumerKey], "oauth_token": creds[CredAccessToken],
		"oauth_signature_method": "HMAC-SHA1", "oauth_version": "1.0"}
	for k, v := range want {
		if params[k] != v {
			return k + " is " + params[k]
		}
	}
	if params["oauth_nonce"] == "" || params["oauth_timestamp"] == "" {
		return "missing nonce or timestamp"
	}
	sig := params["oauth_signature"]
	delete(params, "oauth_signature")
	for k, v := range r.URL.Query() {
		params[k] = v[0]
	}
	if base64.StdEncoding.EncodeToString(sign(r, params, consumerSecret, tokenSecret)) != sig {
		return "signature does not match"
	}
	return ""
}

func sign(r *http.Request, params map[string]string, consumerSecret, tokenSecret string) []byte {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pairs := make([]string, len(keys))
	for i, k := range keys {
		pairs[i] = enc(k) + "=" + enc(params[k])
	}
	uri := "http://" + r.Host + r.URL.Path
	base := r.Method + "&" + enc(uri) + "&" + enc(strings.Join(pairs, "&"))
	m := hmac.New(sha1.New, []byte(enc(consumerSecret)+"&"+enc(tokenSecret)))
	m.Write([]byte(base))
	return m.Sum(nil)
}

// enc is RFC 3986 percent-encoding (url.QueryEscape writes spaces as +).
func enc(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

func (f *fake) accountNoServer() relais.Account {
	return relais.Account{ID: 1, Platform: relais.PlatformX, Credentials: creds}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
