package ui_test

import (
	"context"
	"encoding/json"
	"fmt"
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
	"github.com/relais/relais/connectors/x"
	"github.com/relais/relais/relaying"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
	"github.com/relais/relais/ui"
)

// xAPI answers as X API v2 documents, for requests signed with OAuth
// 1.0a (the signature itself is checked in connectors/x): GET
// /2/users/:id/tweets (https://docs.x.com/x-api/posts/user-posts-timeline-by-user-id)
// → {"data":[Post]}; POST /2/users/:id/retweets {"tweet_id"}
// (https://docs.x.com/x-api/posts/retweet-post) → {"data":{"retweeted":true}},
// or 403 for a post the user may not repost. User 42 is the colistier,
// user 7 the campaign.
type xAPI struct {
	mu       sync.Mutex
	reads    int
	retweets []string // "user:post"
}

func (f *xAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	var in map[string]string
	b, _ := io.ReadAll(r.Body)
	_ = json.Unmarshal(b, &in)
	switch {
	case !strings.HasPrefix(r.Header.Get("Authorization"), "OAuth "):
		w.WriteHeader(401)
		_, _ = w.Write([]byte(`{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`))
	case r.Method == "GET" && r.URL.Path == "/2/users/42/tweets" && r.URL.Query().Get("exclude") == "replies,retweets":
		f.reads++
		_, _ = w.Write([]byte(`{"data":[{"id":"1869","text":"Au marché de Belleville avec les commerçants du 20e","created_at":"2026-12-01T09:00:00.000Z"},
			{"id":"1870","text":"Réunion publique jeudi à la mairie du 20e","created_at":"2026-12-01T08:00:00.000Z"}],"meta":{"result_count":2}}`))
	case r.Method == "POST" && r.URL.Path == "/2/users/7/retweets" && in["tweet_id"] == "1869":
		f.retweets = append(f.retweets, "7:1869")
		_, _ = w.Write([]byte(`{"data":{"retweeted":true}}`))
	default:
		w.WriteHeader(403)
		_, _ = w.Write([]byte(`{"title":"Forbidden","type":"about:blank","status":403,"detail":"You are not allowed to retweet this Tweet."}`))
	}
}

func xCreds(token, user string) map[string]string {
	return map[string]string{x.CredConsumerKey: "ck", x.CredConsumerSecret: "cs", x.CredAccessToken: token, x.CredAccessTokenSecret: "ts", x.CredUserID: user}
}

// TestRelayXPostsOverHTTP: the colistier's X posts are in the list (read
// once, then from memory: X bills reads), in French and in English; Repost
// reposts from the campaign's user id and is audited; X's refusal comes
// back on the page in its language; Quote makes a post quoting the X post
// by id, through approval; past the day's X read cap nothing is read.
func TestRelayXPostsOverHTTP(t *testing.T) {
	st := storetest.Open(t, store.DialectSQLite)
	ctx := context.Background()
	api := &xAPI{}
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	col := &relais.Account{Platform: relais.PlatformX, Handle: "paul20e", OwnerKind: relais.OwnerColistier, District: "20e", BaseURL: srv.URL}
	camp := &relais.Account{Platform: relais.PlatformX, Handle: "avecanne", OwnerKind: relais.OwnerCampaign, BaseURL: srv.URL}
	editor := &relais.Member{Email: "web@x.fr", Name: "web", Role: relais.RoleEditor}
	storetest.Must(t, st.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateMember(editor, ""); err != nil {
			return err
		} else if err := tx.CreateAccount(col, xCreds("col", "42")); err != nil {
			return err
		}
		return tx.CreateAccount(camp, xCreds("camp", "7"))
	}))
	svc := approval.New(st, quietTone{}, noJobs{}, noEvents{})
	rel := &relaying.Service{Store: st, Client: &relaying.Client{HTTP: http.DefaultClient}, Quoter: svc, X: x.New(http.DefaultClient, ""), XDailyCap: 20}
	au := auth.New(st)
	tok, err := au.IssueToken(ctx, editor.Email)
	require.NoError(t, err)
	f := &relayFixture{srv: httptest.NewServer(ui.New(ui.Config{Auth: au, Approval: svc, Hub: ui.NewHub(), Relay: rel})), st: st}
	t.Cleanup(f.srv.Close)

	resp, body := f.do(t, tok, "GET", "/relay", nil)
	require.Equal(t, 200, resp.StatusCode, body)
	require.Contains(t, body, "Au marché de Belleville")
	require.Contains(t, body, "Publications des colistier·es à relayer")
	require.Contains(t, body, "https://x.com/paul20e/status/1869")
	_, body = f.do(t, tok, "GET", "/relay?lang=en", nil)
	require.Contains(t, body, "Running mates&#39; posts to relay")
	require.Contains(t, body, "Au marché de Belleville")
	require.Equal(t, 1, api.reads, "read once, then shown from memory")

	form := url.Values{"account": {itoa(col.ID)}, "uri": {"https://x.com/paul20e/status/1869"}}
	resp, _ = f.do(t, tok, "POST", "/relay/repost", form)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	require.Equal(t, []string{"7:1869"}, api.retweets)
	var audit []relais.AuditEntry
	storetest.Must(t, st.View(ctx, func(tx *store.Tx) (err error) {
		audit, err = tx.Audit(store.AuditFilter{})
		return err
	}))
	require.Equal(t, relaying.RepostAction, audit[len(audit)-1].Action)
	require.Equal(t, "paul20e", relaying.RepostedHandle(audit[len(audit)-1].Detail), "the balance meter counts it")

	form.Set("uri", "https://x.com/paul20e/status/1870")
	resp, body = f.do(t, tok, "POST", "/relay/repost", form)
	require.Equal(t, http.StatusInternalServerError, resp.StatusCode)
	require.Contains(t, body, "Le repartage sur X a échoué")
	require.Contains(t, body, "Au marché de Belleville", "the list is shown again")
	_, body = f.do(t, tok, "POST", "/relay/repost?lang=en", form)
	require.Contains(t, body, "The repost on X failed")

	form = url.Values{"account": {itoa(col.ID)}, "uri": {"https://x.com/paul20e/status/1869"}, "text": {"  "}}
	_, body = f.do(t, tok, "POST", "/relay/quote", form)
	require.Contains(t, body, "Écrivez votre commentaire avant de citer.")
	form.Set("text", "Bravo Paul !")
	resp, _ = f.do(t, tok, "POST", "/relay/quote", form)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	var p *relais.Post
	storetest.Must(t, st.View(ctx, func(tx *store.Tx) (err error) {
		p, err = tx.PostByID(postIDOf(t, resp.Header.Get("Location")))
		return err
	}))
	require.Equal(t, relais.PostInReview, p.State)
	require.Equal(t, "Bravo Paul !", p.Text, "X shows the quoted post: no link in the text")
	require.Equal(t, &relais.PostQuote{Platform: relais.PlatformX, URI: "https://x.com/paul20e/status/1869", ID: "1869", URL: "https://x.com/paul20e/status/1869",
		Author: "paul20e", Text: "Au marché de Belleville avec les commerçants du 20e"}, p.Quote, "the quoted post's author and text are kept for the previews")
	_, body = f.do(t, tok, "GET", fmt.Sprintf("/posts/%d", p.ID), nil)
	require.Regexp(t, `(?s)<div class="preview pv-x".*<blockquote class="pv-quote" cite="https://x.com/paul20e/status/1869" data-platform="x">.*@paul20e.*Au marché de Belleville.*Voir la publication citée`, body,
		"the X preview draws the quoted post under the comment")
	_, body = f.do(t, tok, "GET", fmt.Sprintf("/posts/%d?lang=en", p.ID), nil)
	require.Contains(t, body, "Open the quoted post")

	rel2 := &relaying.Service{Store: st, Client: rel.Client, Quoter: svc, X: rel.X, XDailyCap: 10}
	l, err := rel2.List(relais.NewContextWithMember(ctx, editor))
	require.NoError(t, err)
	require.Equal(t, []string{"paul20e"}, l.Unreadable, "10 reads were spent today: a cap of 10 leaves none")
	require.Equal(t, 1, api.reads, "X was not called past the cap")
	require.True(t, l.XCapped)
	f2 := httptest.NewServer(ui.New(ui.Config{Auth: au, Approval: svc, Hub: ui.NewHub(), Relay: rel2}))
	t.Cleanup(f2.Close)
	f.srv = f2
	_, body = f.do(t, tok, "GET", "/relay", nil)
	require.Contains(t, body, "Le plafond de lectures X du jour est atteint")
	_, body = f.do(t, tok, "GET", "/relay?lang=en", nil)
	require.Contains(t, body, "Today&#39;s X read cap is reached")
}

func postIDOf(t *testing.T, loc string) int64 {
	require.True(t, strings.HasPrefix(loc, "/posts/"), loc)
	id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/posts/"), 10, 64)
	require.NoError(t, err)
	return id
}
