package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/internal/testpeer/bluesky"
	"github.com/relais/relais/store"
)

// TestRelayBlueskyQuoteAndRepostOnRealPDS: a colistier's post on the real
// PDS is in the "to relay" list; Quote creates a post that goes through
// approval, and the scheduler publishes it from the campaign's account as
// a post whose embed is an app.bsky.embed.record naming the colistier's
// post by URI and CID (read back with com.atproto.repo.getRecord); Repost
// writes an app.bsky.feed.repost record whose subject is that post.
func TestRelayBlueskyQuoteAndRepostOnRealPDS(t *testing.T) {
	pds := bluesky.Start(t)
	col, camp := pds.CreateAccount(t, "claire"), pds.CreateAccount(t, "avecanne")
	tm := MustRunMain(t, store.DialectSQLite)
	editor, cand := tm.member("web@x.fr", "editor"), tm.member("anne@x.fr", "candidate")
	tm.member("claire@x.fr", "colistier")
	dir := t.TempDir()
	for _, a := range []struct {
		acct  bluesky.Account
		owner string
	}{{col, "colistier:claire@x.fr"}, {camp, "campaign"}} {
		tm.cli("account", "add", "--platform", "bluesky", "--handle", a.acct.Handle, "--owner", a.owner, "--base-url", pds.URL,
			"--credentials-file", credsFile(t, dir, a.acct.Handle+".json", `{"identifier":"`+a.acct.Handle+`","app_password":"`+a.acct.AppPassword+`"}`))
	}
	orig := pdsCreate(t, pds.URL, col, "app.bsky.feed.post", map[string]any{"$type": "app.bsky.feed.post",
		"text": "Conseil de quartier du 11e : la cantine bio est votée", "createdAt": time.Now().UTC().Format(time.RFC3339)})

	resp, body := tm.form(editor, "GET", "/relay", nil)
	require.Equal(t, 200, resp.StatusCode, body)
	require.Contains(t, body, "la cantine bio est votée")
	m := regexp.MustCompile(`name="account" value="(\d+)"`).FindStringSubmatch(body)
	require.NotNil(t, m, body)
	form := url.Values{"account": {m[1]}, "uri": {orig.URI}, "text": {"Bravo Claire pour ce vote !"}}
	resp, _ = tm.form(editor, "POST", "/relay/quote", form)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	var p postJSON
	require.Equal(t, 200, tm.call(editor, "GET", strings.Replace(resp.Header.Get("Location"), "/posts/", "/api/posts/", 1), nil, &p))
	require.Equal(t, "in_review", p.State, "a quote waits for approval")
	approver := map[string]string{"candidate": cand, "editor": cand}[p.Routing.Approver]
	require.Equal(t, 200, tm.call(approver, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID), map[string]any{"content_hash": p.ContentHash}, &p))
	p = waitState(t, tm, editor, p.ID, "published")

	var rec struct {
		Value struct {
			Text  string `json:"text"`
			Embed struct {
				Type   string                    `json:"$type"`
				Record struct{ URI, CID string } `json:"record"`
			} `json:"embed"`
		} `json:"value"`
	}
	pdsGet(t, pds.URL, camp.DID, "app.bsky.feed.post", rkeyOf(p.Deliveries[0].URL), &rec)
	require.Equal(t, "Bravo Claire pour ce vote !", rec.Value.Text, "the quote carries the words, not a link")
	require.Equal(t, "app.bsky.embed.record", rec.Value.Embed.Type)
	require.Equal(t, orig.URI, rec.Value.Embed.Record.URI)
	require.Equal(t, orig.CID, rec.Value.Embed.Record.CID)

	resp, _ = tm.form(editor, "POST", "/relay/repost", url.Values{"account": {m[1]}, "uri": {orig.URI}})
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	var reposts struct {
		Records []struct {
			Value struct {
				Subject struct{ URI, CID string } `json:"subject"`
			} `json:"value"`
		} `json:"records"`
	}
	getJSON(t, pds.URL+"/xrpc/com.atproto.repo.listRecords?"+url.Values{"repo": {camp.DID}, "collection": {"app.bsky.feed.repost"}}.Encode(), &reposts)
	require.Len(t, reposts.Records, 1, "one repost record in the campaign's repository")
	require.Equal(t, orig.URI, reposts.Records[0].Value.Subject.URI)
	require.Equal(t, orig.CID, reposts.Records[0].Value.Subject.CID)
	require.Contains(t, tm.lastAudit().Detail, orig.URI, "the repost is audited")
}

// pdsRef is a record's strong reference.
type pdsRef struct{ URI, CID string }

// pdsCreate writes a record in a's repository (com.atproto.repo.createRecord).
func pdsCreate(t *testing.T, pds string, a bluesky.Account, collection string, rec any) pdsRef {
	b, _ := json.Marshal(map[string]any{"repo": a.DID, "collection": collection, "record": rec})
	req, _ := http.NewRequest("POST", pds+"/xrpc/com.atproto.repo.createRecord", strings.NewReader(string(b)))
	req.Header.Set("Authorization", "Bearer "+a.AccessJwt)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var out pdsRef
	require.Equal(t, 200, resp.StatusCode)
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	return out
}

// pdsGet reads a record (com.atproto.repo.getRecord) into out.
func pdsGet(t *testing.T, pds, repo, collection, rkey string, out any) {
	getJSON(t, pds+"/xrpc/com.atproto.repo.getRecord?"+url.Values{"repo": {repo}, "collection": {collection}, "rkey": {rkey}}.Encode(), out)
}

// rkeyOf is the record key a delivery's URL names: the last segment of a
// bsky.app address, or the rkey parameter of a PDS's getRecord address.
func rkeyOf(u string) string {
	if p, err := url.Parse(u); err == nil && p.Query().Get("rkey") != "" {
		return p.Query().Get("rkey")
	}
	return path.Base(u)
}

func getJSON(t *testing.T, u string, out any) {
	resp, err := http.Get(u)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	require.Equal(t, 200, resp.StatusCode, string(b))
	require.NoError(t, json.Unmarshal(b, out))
}

// page sends a form to a dashboard page with token; redirects are not
// followed.
func (tm *testMain) form(token, method, p string, form url.Values) (*http.Response, string) {
	tm.t.Helper()
	req, err := http.NewRequest(method, tm.URL+p, strings.NewReader(form.Encode()))
	require.NoError(tm.t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	require.NoError(tm.t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}
