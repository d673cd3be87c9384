package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais/internal/testpeer/bluesky"
)

// relayX answers as X API v2 documents, for OAuth 1.0a-signed requests:
// GET /2/users/:id/tweets (https://docs.x.com/x-api/posts/user-posts-timeline-by-user-id)
// for the colistier (user 42), POST /2/users/:id/retweets {"tweet_id"}
// (https://docs.x.com/x-api/posts/retweet-post) for the campaign (user 7),
// which may repost post 1869 but not 1870 (403, as X answers a post
// whose author restricts it).
type relayX struct {
	mu       sync.Mutex
	retweets []string
}

func (f *relayX) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	b, _ := io.ReadAll(r.Body)
	var in map[string]string
	_ = json.Unmarshal(b, &in)
	switch {
	case !strings.HasPrefix(r.Header.Get("Authorization"), "OAuth "):
		w.WriteHeader(401)
	case r.Method == "GET" && r.URL.Path == "/2/users/42/tweets":
		_, _ = w.Write([]byte(`{"data":[{"id":"1869","text":"Au marché de Belleville ce matin avec les commerçants du 20e : merci pour l'accueil !","created_at":"` + time.Now().Add(-time.Hour).UTC().Format(time.RFC3339) + `"},
			{"id":"1870","text":"Réunion publique jeudi à 19h à la mairie du 20e.","created_at":"` + time.Now().Add(-3*time.Hour).UTC().Format(time.RFC3339) + `"}],"meta":{"result_count":2}}`))
	case r.Method == "POST" && r.URL.Path == "/2/users/7/retweets" && in["tweet_id"] == "1869":
		f.retweets = append(f.retweets, in["tweet_id"])
		_, _ = w.Write([]byte(`{"data":{"retweeted":true}}`))
	default:
		w.WriteHeader(403)
		_, _ = w.Write([]byte(`{"title":"Forbidden","type":"about:blank","status":403,"detail":"You are not allowed to retweet this Tweet."}`))
	}
}

// TestBrowserRelay: the web lead opens "À relayer" and sees a colistier's
// Bluesky post (real PDS) and another's X posts; Repost on an X post says
// so in French and X reposted it; X's refusal of the other is shown on the
// page, in French then in English; a quote lands on its post, in review.
// Screenshots at 375 and 1280 px, French and English.
func TestBrowserRelay(t *testing.T) {
	exe := chromiumPath(t)
	pds := bluesky.Start(t)
	col, camp := pds.CreateAccount(t, "claire"), pds.CreateAccount(t, "campagne")
	fx := &relayX{}
	xsrv := httptest.NewServer(fx)
	t.Cleanup(xsrv.Close)
	tm := mustRunDemo(t)
	dir := t.TempDir()
	for _, a := range []struct{ acct, owner string }{{col.Handle, "colistier:colistier-11e@demo.relais.fr"}, {camp.Handle, "campaign"}} {
		pw := map[string]string{col.Handle: col.AppPassword, camp.Handle: camp.AppPassword}[a.acct]
		tm.cli("account", "add", "--platform", "bluesky", "--handle", a.acct, "--owner", a.owner, "--base-url", pds.URL,
			"--credentials-file", credsFile(t, dir, a.acct+".json", `{"identifier":"`+a.acct+`","app_password":"`+pw+`"}`))
	}
	for _, a := range []struct{ handle, owner, user string }{{"paul_vingt", "colistier:colistier-20e@demo.relais.fr", "42"}, {"campagne_x", "campaign", "7"}} {
		tm.cli("account", "add", "--platform", "x", "--handle", a.handle, "--owner", a.owner, "--base-url", xsrv.URL, "--no-verify",
			"--credentials-file", credsFile(t, dir, a.handle+".json", `{"consumer_key":"ck","consumer_secret":"cs","access_token":"at-`+a.user+`","access_token_secret":"ts","user_id":"`+a.user+`"}`))
	}
	pdsCreate(t, pds.URL, col, "app.bsky.feed.post", map[string]any{"$type": "app.bsky.feed.post",
		"text": "Conseil de quartier du 11e : la cantine bio est votée à l'unanimité.", "createdAt": time.Now().UTC().Format(time.RFC3339)})

	b := newBrowser(t, exe, tm.URL, artifactsDir(t))
	b.login("web@demo.relais.fr")
	b.open("/relay")
	require.Equal(t, "Publications des colistier·es à relayer", b.text("main h1"))
	require.Contains(t, b.text("#relay-list"), "la cantine bio est votée")
	require.Contains(t, b.text("#relay-list"), "Au marché de Belleville")
	b.shoot("relay")

	b.do(chromedp.Click(chromedp.CSS(`li[data-ref$="/1869"] form[action="/relay/repost"] button`)), chromedp.WaitVisible(chromedp.CSS(".flash")))
	require.Equal(t, "Repartagé depuis le compte de campagne.", b.text(".flash"))
	require.Equal(t, []string{"1869"}, fx.retweets)
	b.do(chromedp.Click(chromedp.CSS(`li[data-ref$="/1870"] form[action="/relay/repost"] button`)), chromedp.WaitVisible(chromedp.CSS("p.error")))
	require.Contains(t, b.text("p.error"), "Le repartage sur X a échoué")
	require.Contains(t, b.text("p.error"), "You are not allowed to retweet this Tweet.")
	b.shoot("relay-refused")

	b.open("/relay?lang=en")
	require.Equal(t, "Running mates' posts to relay", b.text("main h1"))
	b.shoot("relay-en")
	b.do(chromedp.Click(chromedp.CSS(`li[data-ref$="/1870"] form[action="/relay/repost"] button`)), chromedp.WaitVisible(chromedp.CSS("p.error")))
	require.Contains(t, b.text("p.error"), "The repost on X failed")
	b.shoot("relay-refused-en")

	b.do(chromedp.SendKeys(chromedp.CSS(`li[data-ref^="at://"] textarea`), "Bravo Claire !"),
		chromedp.Click(chromedp.CSS(`li[data-ref^="at://"] form[action="/relay/quote"] button`)), chromedp.WaitVisible(chromedp.CSS("article[data-post]")))
	require.Contains(t, b.text("#post-quote"), "https://bsky.app/profile/", "the approver sees what is quoted")
	b.shoot("relay-quote-en")
	require.Contains(t, b.text("article[data-post]"), "Bravo Claire !")
	require.Len(t, fx.retweets, 1, "a quote reposts nothing")

	// The previews draw the quoted post under the comment, as Bluesky
	// embeds it: its author and text (approval page, then the editor).
	quoted := ".preview[data-platform=bluesky] .pv-quote"
	require.Equal(t, "@"+col.Handle, b.text(quoted+" .pv-quote-author"))
	require.Contains(t, b.text(quoted+" .pv-quote-text"), "la cantine bio est votée à l'unanimité")
	require.Equal(t, "Open the quoted post", b.text(quoted+" .pv-quote-link"))
	post := eval[string](b, `location.pathname`)
	b.open(post + "?lang=fr")
	require.Equal(t, "Voir la publication citée", b.text(quoted+" .pv-quote-link"))
	require.Contains(t, b.text(quoted+" .pv-quote-text"), "la cantine bio")
	b.shoot("relay-quote-preview")
	b.open(post + "/edit")
	require.Equal(t, "@"+col.Handle, b.text("#previews "+quoted+" .pv-quote-author"), "the editor's preview draws it too")
	// The editor draws its previews from the form once its script has run.
	b.waitJS("the editor's Bluesky preview", `(document.querySelector(".preview[data-platform=bluesky] .pv-text")||{}).textContent === "Bravo Claire !"`)
	require.Equal(t, "Bravo Claire !", eval[string](b, `document.querySelector(".preview[data-platform=bluesky] .pv-text").textContent`))
	b.shoot("relay-quote-edit")
	b.do(chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile), chromedp.Sleep(150*time.Millisecond))
	require.LessOrEqual(t, eval[int](b, `document.documentElement.scrollWidth`), 375, "the editor fits a phone: long handles wrap")
	b.open(post + "/edit?lang=en")
	require.Equal(t, "Open the quoted post", b.text("#previews "+quoted+" .pv-quote-link"))
	b.shoot("relay-quote-edit-en")
}
