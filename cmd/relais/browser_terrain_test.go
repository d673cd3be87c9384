package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// setOffline cuts (or restores) the page's network through DevTools: the
// requests fail and navigator.onLine follows, firing offline/online.
func (b *browser) setOffline(off bool) {
	b.t.Helper()
	yes := true
	b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: &yes,
			MatchedNetworkConditions:    []*network.Conditions{{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}},
		}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: off, DownloadThroughput: -1, UploadThroughput: -1})
		return err
	}))
}

// TestBrowserTerrainOffline: on a 375 px phone the dashboard offers its
// manifest and service worker; a capture made offline waits on the phone
// and is submitted once when the network returns, even if sent twice.
func TestBrowserTerrainOffline(t *testing.T) {
	exe := chromiumPath(t)
	tm := mustRunDemo(t)
	art := artifactsDir(t)
	phone := newBrowser(t, exe, tm.URL, art)
	phone.do(chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))
	phone.login("cm@demo.relais.fr")
	phone.open("/terrain")

	// Installable: a manifest with icons, and an active service worker.
	require.Equal(t, "/manifest.webmanifest", eval[string](phone, `document.querySelector("link[rel=manifest]").getAttribute("href")`))
	eval[bool](phone, `(fetch("/manifest.webmanifest").then(r => r.json()).then(m => { window.__manifest = m }), true)`)
	phone.waitJS("the manifest", `window.__manifest !== undefined`)
	require.Equal(t, "/terrain", eval[string](phone, `window.__manifest.start_url`))
	require.Equal(t, "standalone", eval[string](phone, `window.__manifest.display`))
	require.Equal(t, []string{"192x192", "512x512"}, eval[[]string](phone, `window.__manifest.icons.filter(i => i.type === "image/png").map(i => i.sizes)`))
	eval[bool](phone, `(fetch("/icons/icon-192.png").then(r => r.blob()).then(b => createImageBitmap(b)).then(i => { window.__icon = i.width }), true)`)
	phone.waitJS("the PNG icon", `window.__icon === 192`)
	eval[bool](phone, `(navigator.serviceWorker.ready.then(r => { window.__sw = r.active.scriptURL }), true)`)
	phone.waitJS("the service worker", `window.__sw === location.origin + "/sw.js"`)
	require.Equal(t, "video/*,image/*", eval[string](phone, `document.getElementById("terrain-file").accept`))
	require.True(t, eval[bool](phone, `document.getElementById("terrain-file").hasAttribute("capture")`))
	require.LessOrEqual(t, eval[int](phone, `document.documentElement.scrollWidth`), 375, "no horizontal scroll on a phone")
	phone.shoot("terrain")

	// Offline: the capture is queued on the phone.
	phone.setOffline(true)
	phone.waitJS("offline", `navigator.onLine === false`)
	img := filepath.Join(t.TempDir(), "marche.png")
	require.NoError(t, os.WriteFile(img, tinyPNG(t), 0o600))
	caption := "Au marché d'Aligre avec les habitants du 12e"
	phone.do(chromedp.SetUploadFiles(chromedp.CSS("#terrain-file"), []string{img}),
		chromedp.SendKeys(chromedp.CSS("#terrain-caption"), caption),
		chromedp.Click(chromedp.CSS("#terrain-send")))
	phone.waitJS("the queued capture", `document.getElementById("outbox-count").textContent === "1"`)
	require.Contains(t, phone.text("#outbox"), "marche.png")
	require.Contains(t, phone.text("#terrain-status"), "Hors ligne")
	require.Zero(t, countPosts(t, tm, caption), "nothing reached the server")
	phone.shoot("terrain-offline")

	// Online again: sent once, submitted for approval.
	phone.setOffline(false)
	phone.waitJS("the capture sent", `document.querySelectorAll("#sent li").length === 1 && document.getElementById("outbox-count").textContent === "0"`)
	require.Equal(t, 1, countPosts(t, tm, caption))

	// The answer was lost? The phone resends the same key: still one post.
	key := eval[string](phone, `document.querySelector("#sent li").dataset.key`)
	eval[bool](phone, fmt.Sprintf(`(() => { const o = indexedDB.open("relais-terrain", 1); o.onsuccess = () => {
		const tx = o.result.transaction("outbox", "readwrite"); tx.objectStore("outbox").put({key: %q, member: document.body.dataset.member, caption: %q, file: null, name: "", at: Date.now()});
		tx.oncomplete = () => { o.result.close(); window.dispatchEvent(new Event("online")) } }; return true })()`, key, caption))
	phone.waitJS("the resent capture", `document.querySelectorAll("#sent li").length === 2 && document.getElementById("outbox-count").textContent === "0"`)
	ids := eval[[]string](phone, `[...document.querySelectorAll("#sent li")].map(li => li.dataset.post)`)
	require.Equal(t, ids[0], ids[1], "the same post")
	require.Equal(t, 1, countPosts(t, tm, caption))

	phone.open("/terrain?lang=en")
	require.Contains(t, phone.text("#terrain-send"), "Submit for approval")
	phone.shoot("terrain-en")

	// A public event's page, as a visitor sees it, in French and English.
	var ev eventJSON
	token := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	require.Equal(t, http.StatusCreated, tm.call(token, "POST", "/api/events", eventBody("Hackathon citoyen du 11e", 96, true), &ev))
	visitor := newBrowser(t, exe, tm.URL, art)
	visitor.open(ev.URL + "?lang=fr")
	visitor.do(chromedp.SendKeys(chromedp.CSS("#rsvp-name"), "Inès"), chromedp.SendKeys(chromedp.CSS("#rsvp-email"), "ines@"),
		chromedp.Click(chromedp.CSS("#rsvp-consent")), chromedp.Click(chromedp.CSS("#rsvp-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#err-email")))
	visitor.shoot("event-public-error")
	visitor.open(ev.URL + "?lang=en")
	require.Contains(t, visitor.text("#rsvp-form button"), "Count me in")
	visitor.shoot("event-public-en")
}

// countPosts counts the posts in review with text, through the API.
func countPosts(t *testing.T, tm *testMain, text string) int {
	t.Helper()
	var out []postJSON
	var raw struct {
		Posts []struct {
			postJSON
			Text string `json:"text"`
		} `json:"posts"`
	}
	token := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	require.Equal(t, http.StatusOK, tm.call(token, "GET", "/api/posts?state=in_review", nil, &raw))
	for _, p := range raw.Posts {
		if p.Text == text {
			out = append(out, p.postJSON)
		}
	}
	return len(out)
}
