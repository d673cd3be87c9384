package bluesky

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multihash"
	"github.com/relais/relais"
	"github.com/stretchr/testify/require"
)

const did = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"

// fake is a PDS double on 127.0.0.1 speaking the XRPC endpoints relais
// uses. Tokens "access-N"/"refresh-N" are issued in turn; expired holds
// access tokens to refuse with 400 ExpiredToken.
type fake struct {
	t        *testing.T
	srv      *httptest.Server
	mu       sync.Mutex
	calls    []string
	records  map[string][]byte // rkey -> createRecord body
	issued   int
	expired  map[string]bool
	override func(w http.ResponseWriter, r *http.Request, body []byte) bool
}

func mustFake(t *testing.T) *fake {
	t.Helper()
	f := &fake{t: t, records: map[string][]byte{}, expired: map[string]bool{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fake) account() relais.Account {
	return relais.Account{ID: 7, Platform: relais.PlatformBluesky, Handle: "anne.bsky.social", BaseURL: f.srv.URL,
		Credentials: map[string]string{CredIdentifier: "anne.bsky.social", CredAppPassword: "abcd-efgh-ijkl-mnop"}}
}

func (f *fake) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	nsid := strings.TrimPrefix(r.URL.Path, "/xrpc/")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, r.Method+" "+nsid)
	if f.override != nil && f.override(w, r, body) {
		return
	}
	switch r.Method + " " + nsid {
	case "POST com.atproto.server.createSession":
		f.createSession(w, body)
	case "POST com.atproto.server.refreshSession":
		require.True(f.t, strings.HasPrefix(r.Header.Get("Authorization"), "Bearer refresh-"))
		f.issue(w)
	case "GET com.atproto.identity.resolveHandle":
		f.resolveHandle(w, r.URL.Query().Get("handle"))
	case "POST com.atproto.repo.uploadBlob":
		f.uploadBlob(w, r, body)
	case "POST com.atproto.repo.createRecord":
		f.createRecord(w, r, body)
	case "GET com.atproto.repo.getRecord":
		f.getRecord(w, r)
	default:
		f.t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
	}
}

func (f *fake) createSession(w http.ResponseWriter, body []byte) {
	var in struct{ Identifier, Password string }
	require.NoError(f.t, json.Unmarshal(body, &in))
	if in.Identifier != "anne.bsky.social" || in.Password != "abcd-efgh-ijkl-mnop" {
		xerr(w, 401, "AuthenticationRequired", "Invalid identifier or password")
		return
	}
	f.issue(w)
}

func (f *fake) issue(w http.ResponseWriter) {
	f.issued++
	n := string(rune('0' + f.issued))
	json.NewEncoder(w).Encode(map[string]any{"accessJwt": "access-" + n, "refreshJwt": "refresh-" + n,
		"handle": "anne.bsky.social", "did": did, "active": true})
}

func (f *fake) resolveHandle(w http.ResponseWriter, h string) {
	known := map[string]string{"alice.bsky.social": "did:plc:alice00000000000000000000", "bob.example.fr": "did:web:bob.example.fr"}
	if d, ok := known[h]; ok {
		json.NewEncoder(w).Encode(map[string]string{"did": d})
		return
	}
	xerr(w, 400, "InvalidRequest", "Unable to resolve handle")
}

// authorized checks the bearer token, answering ExpiredToken for expired ones.
func (f *fake) authorized(w http.ResponseWriter, r *http.Request) bool {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if f.expired[tok] {
		xerr(w, 400, "ExpiredToken", "Token has expired")
		return false
	}
	require.True(f.t, strings.HasPrefix(tok, "access-"), "bearer is %q", tok)
	return true
}

func (f *fake) uploadBlob(w http.ResponseWriter, r *http.Request, body []byte) {
	if !f.authorized(w, r) {
		return
	}
	mh, _ := multihash.Sum(body, multihash.SHA2_256, -1)
	c := cid.NewCidV1(cid.Raw, mh)
	json.NewEncoder(w).Encode(map[string]any{"blob": map[string]any{"$type": "blob", "ref": map[string]string{"$link": c.String()},
		"mimeType": r.Header.Get("Content-Type"), "size": len(body)}})
}

func (f *fake) createRecord(w http.ResponseWriter, r *http.Request, body []byte) {
	if !f.authorized(w, r) {
		return
	}
	var in struct{ Repo, Collection, Rkey string }
	require.NoError(f.t, json.Unmarshal(body, &in))
	require.Equal(f.t, did, in.Repo)
	require.Equal(f.t, Collection, in.Collection)
	if _, ok := f.records[in.Rkey]; ok {
		xerr(w, 400, "InvalidRequest", "Record already exists")
		return
	}
	f.records[in.Rkey] = body
	json.NewEncoder(w).Encode(map[string]any{"uri": "at://" + did + "/" + Collection + "/" + in.Rkey,
		"cid": "bafyreig2fjxi3rptqdgylg7e5hmjl6mcke7rn2b6cugzlqq3i4zu6rq52q", "validationStatus": "valid"})
}

func (f *fake) getRecord(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	require.Equal(f.t, did, q.Get("repo"))
	require.Equal(f.t, Collection, q.Get("collection"))
	if _, ok := f.records[q.Get("rkey")]; !ok {
		xerr(w, 400, "RecordNotFound", "Could not locate record: at://"+did+"/"+Collection+"/"+q.Get("rkey"))
		return
	}
	w.Write([]byte(`{"uri":"at://` + did + `/` + Collection + `/` + q.Get("rkey") + `","cid":"bafyreig2fjxi3rptqdgylg7e5hmjl6mcke7rn2b6cugzlqq3i4zu6rq52q","value":{"$type":"app.bsky.feed.post","text":"x","createdAt":"2026-03-01T12:00:00.000Z"}}`))
}

func (f *fake) record(rkey string) map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	var in struct{ Record map[string]any }
	json.Unmarshal(f.records[rkey], &in)
	return in.Record
}

func (f *fake) callList() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func xerr(w http.ResponseWriter, status int, name, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": name, "message": msg})
}

func strconvI(n int64) string { return strconv.FormatInt(n, 10) }
