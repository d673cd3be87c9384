package ui_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/relaying"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
	"github.com/relais/relais/ui"
)

// relayInstance is a Mastodon instance as documented
// (https://docs.joinmastodon.org/methods/accounts/ and /methods/statuses/#boost)
// holding a colistier (token "col", account 11) and the campaign (token
// "camp", account 22). It records the reblogs.
type relayInstance struct {
	mu       sync.Mutex
	reblogs  []string // "account:status"
	accounts map[string]string
}

func (m *relayInstance) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	self, ok := m.accounts[strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")]
	switch {
	case !ok:
		w.WriteHeader(401)
		_, _ = w.Write([]byte(`{"error":"The access token is invalid"}`))
	case r.URL.Path == "/api/v1/accounts/verify_credentials":
		_ = json.NewEncoder(w).Encode(map[string]string{"id": self, "acct": "x"})
	case r.URL.Path == "/api/v1/accounts/11/statuses":
		_, _ = w.Write([]byte(`[{"id":"901","url":"https://social.example/@claire/901","content":"<p>Conseil de quartier du 11e : la cantine bio &amp; locale est votée</p>","created_at":"2026-12-01T09:00:00.000Z","visibility":"public"},
			{"id":"902","url":"https://social.example/@claire/902","content":"<p>Note privée</p>","created_at":"2026-12-01T10:00:00.000Z","visibility":"private"}]`))
	case r.Method == "POST" && strings.HasPrefix(r.URL.Path, "/api/v1/statuses/") && strings.HasSuffix(r.URL.Path, "/reblog"):
		id := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/api/v1/statuses/"), "/reblog")
		m.reblogs = append(m.reblogs, self+":"+id)
		_ = json.NewEncoder(w).Encode(map[string]any{"id": "7001", "reblog": map[string]string{"id": id}})
	default:
		http.NotFound(w, r)
	}
}

// relayFixture is a server with the "to relay" list over relayInstance.
type relayFixture struct {
	srv            *httptest.Server
	inst           *relayInstance
	st             *store.Store
	editor, cm     string // tokens
	colAcct, campA *relais.Account
}

func newRelayFixture(t *testing.T) *relayFixture {
	st := storetest.Open(t, store.DialectSQLite)
	ctx := context.Background()
	inst := &relayInstance{accounts: map[string]string{"col": "11", "camp": "22"}}
	fake := httptest.NewServer(inst)
	t.Cleanup(fake.Close)
	f := &relayFixture{inst: inst, st: st,
		colAcct: &relais.Account{Platform: relais.PlatformMastodon, Handle: "claire", OwnerKind: relais.OwnerColistier, District: "11e", BaseURL: fake.URL},
		campA:   &relais.Account{Platform: relais.PlatformMastodon, Handle: "avecanne", OwnerKind: relais.OwnerCampaign, BaseURL: fake.URL}}
	editor := &relais.Member{Email: "web@x.fr", Name: "web", Role: relais.RoleEditor}
	cm := &relais.Member{Email: "cm@x.fr", Name: "cm", Role: relais.RoleCommunityManager}
	storetest.Must(t, st.Update(ctx, func(tx *store.Tx) error {
		for _, m := range []*relais.Member{editor, cm} {
			if err := tx.CreateMember(m, ""); err != nil {
				return err
			}
		}
		if err := tx.CreateAccount(f.colAcct, map[string]string{"access_token": "col"}); err != nil {
			return err
		}
		return tx.CreateAccount(f.campA, map[string]string{"access_token": "camp"})
	}))
	svc := approval.New(st, quietTone{}, noJobs{}, noEvents{})
	rel := &relaying.Service{Store: st, Client: &relaying.Client{HTTP: http.DefaultClient}, Quoter: svc}
	au := auth.New(st)
	var err error
	f.editor, err = au.IssueToken(ctx, editor.Email)
	require.NoError(t, err)
	f.cm, err = au.IssueToken(ctx, cm.Email)
	require.NoError(t, err)
	f.srv = httptest.NewServer(ui.New(ui.Config{Auth: au, Approval: svc, Hub: ui.NewHub(), Relay: rel}))
	t.Cleanup(f.srv.Close)
	return f
}

// do sends a page request with token; it does not follow redirects.
func (f *relayFixture) do(t *testing.T, token, method, path string, form url.Values) (*http.Response, string) {
	req, err := http.NewRequest(method, f.srv.URL+path, strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var b strings.Builder
	_, _ = io.Copy(&b, resp.Body)
	return resp, b.String()
}

func (f *relayFixture) reblogs() []string {
	f.inst.mu.Lock()
	defer f.inst.mu.Unlock()
	return append([]string(nil), f.inst.reblogs...)
}

// TestRelayListAndRepostOverHTTP: the list shows the colistier's public
// post (not the private one); Repost boosts it from the campaign's
// account at once and is audited; a post not in the list and a role
// without the right are refused, and nothing is boosted.
func TestRelayListAndRepostOverHTTP(t *testing.T) {
	f := newRelayFixture(t)
	resp, body := f.do(t, f.editor, "GET", "/relay", nil)
	require.Equal(t, 200, resp.StatusCode, body)
	require.Contains(t, body, "la cantine bio &amp; locale est votée", "the HTML of the status is shown as text")
	require.NotContains(t, body, "Note privée")
	require.Contains(t, body, `action="/relay/repost"`)

	resp, _ = f.do(t, f.cm, "GET", "/relay", nil)
	require.Equal(t, http.StatusForbidden, resp.StatusCode)
	form := url.Values{"account": {itoa(f.colAcct.ID)}, "uri": {"https://social.example/@claire/901"}}
	resp, _ = f.do(t, f.cm, "POST", "/relay/repost", form)
	require.Equal(t, http.StatusForbidden, resp.StatusCode)
	resp, body = f.do(t, f.editor, "POST", "/relay/repost", url.Values{"account": {itoa(f.colAcct.ID)}, "uri": {"https://social.example/@claire/902"}})
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, "a private post is not offered")
	require.Empty(t, f.reblogs())

	resp, _ = f.do(t, f.editor, "POST", "/relay/repost", form)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	require.Equal(t, "/relay?ok=reposted", resp.Header.Get("Location"))
	require.Equal(t, []string{"22:901"}, f.reblogs(), "boosted once, as the campaign's account")
	var audit []relais.AuditEntry
	storetest.Must(t, f.st.View(context.Background(), func(tx *store.Tx) (err error) {
		audit, err = tx.Audit(store.AuditFilter{})
		return err
	}))
	var found bool
	for _, e := range audit {
		found = found || (e.Action == "relay.repost" && e.Actor != "" && strings.Contains(e.Detail, "@claire/901"))
	}
	require.True(t, found, "the repost is in the audit log: %+v", audit)
}

// TestRelayQuoteGoesThroughApprovalOverHTTP: a quote is a post by the
// editor to the campaign's account, with her words and the link, submitted
// to the normal approval (tone check and routing) and not published.
func TestRelayQuoteGoesThroughApprovalOverHTTP(t *testing.T) {
	f := newRelayFixture(t)
	form := url.Values{"account": {itoa(f.colAcct.ID)}, "uri": {"https://social.example/@claire/901"}, "text": {"Bravo Claire pour ce vote !"}}
	resp, _ := f.do(t, f.editor, "POST", "/relay/quote", form)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	loc := resp.Header.Get("Location")
	require.True(t, strings.HasPrefix(loc, "/posts/"), loc)
	id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/posts/"), 10, 64)
	require.NoError(t, err)
	var p *relais.Post
	storetest.Must(t, f.st.View(context.Background(), func(tx *store.Tx) (err error) {
		p, err = tx.PostByID(id)
		return err
	}))
	require.Equal(t, relais.PostInReview, p.State, "waiting for approval, not published")
	require.Equal(t, "Bravo Claire pour ce vote !\n\nhttps://social.example/@claire/901", p.Text)
	require.Equal(t, []int64{f.campA.ID}, p.Targets)
	require.NotNil(t, p.Tone, "the tone check ran")
	require.NotEmpty(t, p.Routing.Approver, "routing chose the approver")
	require.Empty(t, f.reblogs(), "a quote reposts nothing")
	require.Equal(t, "Conseil de quartier du 11e : la cantine bio & locale est votée", p.Quote.Text, "the status's HTML kept as plain text")

	_, body := f.do(t, f.editor, "GET", loc, nil)
	require.Regexp(t, `(?s)<div class="preview pv-mastodon".*class="pv-quote-author">@claire<.*la cantine bio &amp; locale est votée.*Mastodon 4.5 et suivants affichent la publication citée`, body,
		"the Mastodon preview draws the quoted post and says which servers show it")
	_, body = f.do(t, f.editor, "GET", loc+"?lang=en", nil)
	require.Contains(t, body, "Mastodon 4.5 and later show the quoted post under the text")

	form.Set("text", "  ")
	resp, _ = f.do(t, f.editor, "POST", "/relay/quote", form)
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
