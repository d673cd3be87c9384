package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// TestBrowserDashboard drives the dashboard in headless Chromium as a
// campaign uses it: a community manager composes a post that draws a tone
// warning and sees it highlighted, submits it; in a second browser the web
// lead sees it arrive in the queue without reload and approves it in
// place; the author's page turns the delivery published live and shows who
// else is viewing; a colistier publishes the share suggestion from her
// inbox; the French and English pages render. Screenshots of the main
// pages at phone and desktop widths go to $RELAIS_ARTIFACTS/screenshots.
func TestBrowserDashboard(t *testing.T) {
	exe := chromiumPath(t)
	tm := mustRunDemo(t)
	art := artifactsDir(t)
	t.Logf("screenshots in %s", art)
	author := newBrowser(t, exe, tm.URL, art)
	editor := newBrowser(t, exe, tm.URL, art)
	author.login("cm@demo.relais.fr")
	editor.login("web@demo.relais.fr")

	// The web lead's queue is open and live.
	editor.open("/")
	editor.waitJS("the websocket", `document.getElementById("live").classList.contains("on")`)
	eval[bool](editor, `window.__noReload = true`)

	// Compose on the campaign's X account: the warning is highlighted.
	author.open("/compose")
	author.waitJS("the websocket", `document.getElementById("live").classList.contains("on")`)
	author.do(chromedp.Click(chromedp.CSS(`input[name=target][data-handle="avecanne"][data-platform="x"]`)),
		chromedp.SendKeys(chromedp.CSS("#text"), warnText))
	author.waitJS("the tone highlight", `document.querySelector("#highlight mark.warn") !== null`)
	marks := eval[[]string](author, `[...document.querySelectorAll("#highlight mark.warn")].map(m => m.textContent)`)
	require.Equal(t, []string{"Bernard Lacombe", "désastreux"}, marks, "the target and the cue are highlighted")
	require.Contains(t, author.text("#tone"), "Avertissement")
	author.waitJS("the X counter", `document.querySelector("#counters li[data-platform=x] output").textContent === "55 / 280"`)
	require.Contains(t, author.text("#xcost"), "0,015 $")
	require.Contains(t, author.text(".preview[data-platform=x] .pv-text"), "Bernard Lacombe")
	imgPath := filepath.Join(t.TempDir(), "affiche.png")
	require.NoError(t, os.WriteFile(imgPath, tinyPNG(t), 0o600))
	author.do(chromedp.SendKeys(chromedp.CSS("#media-alt"), "Affiche de la réunion"),
		chromedp.SetUploadFiles(chromedp.CSS(`#media-file`), []string{imgPath}))
	author.waitJS("the uploaded image", `document.querySelector("#media-list img") !== null`)
	author.shoot("compose")
	author.do(chromedp.Click(chromedp.CSS(`#compose button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS("article[data-post]")))
	author.waitJS("the image on the post page", `(() => { const i = document.querySelector(".post-media img"); return i && i.complete && i.naturalWidth === 8 && i.alt === "Affiche de la réunion" })()`)
	id, err := strconv.ParseInt(eval[string](author, `document.querySelector("article[data-post]").dataset.post`), 10, 64)
	require.NoError(t, err)
	require.Contains(t, author.text("#post-state"), "en validation")
	eval[bool](author, `window.__noReload = true`)
	card := fmt.Sprintf("#queue #post-%d", id)

	// It reaches the web lead's queue without reload.
	editor.waitJS("the post in the queue", fmt.Sprintf(`document.querySelector(%q) !== null`, card))
	require.True(t, eval[bool](editor, `window.__noReload === true`), "the queue must update without a reload")
	require.Contains(t, editor.text(card+" .tone"), "Avertissement")
	editor.shoot("queue")

	// Approve in place, acknowledging the warning.
	editor.do(chromedp.Click(chromedp.CSS(card+` input[name=acknowledge_warnings]`)), chromedp.Click(chromedp.CSS(card+` button[value=approve]`)))
	editor.waitJS("the card to leave the queue", fmt.Sprintf(`document.querySelector(%q) === null`, card))
	require.True(t, eval[bool](editor, `window.__noReload === true`), "approving in place must not reload")

	// Reconnect: the connection drops, a post is submitted meanwhile, and
	// the queue catches up once the tab is back (?since=).
	seq := eval[int](editor, `window.relais.seq()`)
	eval[bool](editor, `window.relais.drop(), true`)
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	var p2 postJSON
	require.Equal(t, 201, tm.call(cm, "POST", "/api/posts", `{"text":"Marché d'Aligre dimanche matin","targets":["@avecanne"]}`, &p2))
	require.Equal(t, 200, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p2.ID), nil, &p2))
	editor.waitJS("the missed post after the reconnect", fmt.Sprintf(`document.querySelector("#queue #post-%d") !== null`, p2.ID))
	require.Greater(t, eval[int](editor, `window.relais.seq()`), seq, "missed events are replayed")
	require.True(t, eval[bool](editor, `window.__noReload === true`))

	// The author's post page turns published live.
	author.waitJS("the delivery published", `document.querySelector("#deliveries .delivery[data-state=published]") !== null`)
	require.True(t, eval[bool](author, `window.__noReload === true`), "the post page must update without a reload")
	require.Contains(t, author.text("#post-state"), "publié")
	require.NotEmpty(t, eval[string](author, `document.querySelector("#deliveries .delivery a").href`))

	// Presence: the author sees the web lead arrive on the post.
	editor.open(fmt.Sprintf("/posts/%d", id))
	author.waitJS("presence", `!document.getElementById("presence").hidden`)
	require.Contains(t, author.text("#presence"), "Karim Benali")
	author.shoot("post")

	// Drag the second post to a later day of the month view: it is
	// rescheduled through the API and the calendar refreshes.
	editor.open("/calendar?view=month")
	editor.do(chromedp.EmulateViewport(1280, 1200))
	entry := fmt.Sprintf(`.entry[data-post="%d"]`, p2.ID)
	editor.do(chromedp.WaitVisible(chromedp.CSS(entry)))
	target := eval[string](editor, `(() => { const today = document.querySelector(".cal-day.today").dataset.date;
		const d = [...document.querySelectorAll(".cal-day")].find(c => c.dataset.date > today); return d ? d.dataset.date : ""; })()`)
	if target != "" {
		editor.drag(entry, fmt.Sprintf(`.cal-day[data-date="%s"]`, target))
		editor.waitJS("the moved post", fmt.Sprintf(`document.querySelector('.cal-day[data-date="%s"] %s') !== null`, target, entry))
		var moved struct {
			ScheduledAt *time.Time `json:"scheduled_at"`
		}
		require.Equal(t, 200, tm.call(cm, "GET", fmt.Sprintf("/api/posts/%d", p2.ID), nil, &moved))
		require.NotNil(t, moved.ScheduledAt)
		require.Equal(t, target, moved.ScheduledAt.In(relais.DefaultLocation()).Format("2006-01-02"))
	} else {
		t.Log("no later day in this month's grid: drag step skipped")
	}
	editor.do(chromedp.EmulateViewport(1280, 800))

	// The web lead's other pages.
	for _, p := range []struct{ path, name, sel string }{
		{"/calendar", "calendar-week", ".cal-week .entry"}, {"/calendar?view=month", "calendar-month", ".cal-view-month .cal-day"},
		{"/settings/tone", "settings", "#opponents-form"}, {"/map", "map", ".tilemap .tile"},
	} {
		editor.open(p.path)
		editor.do(chromedp.WaitVisible(chromedp.CSS(p.sel)))
		editor.shoot(p.name)
	}
	// Settings: the tone test box, and queue slots through the slots page's form.
	editor.open("/settings/tone")
	editor.do(chromedp.SendKeys(chromedp.CSS("#tt-text"), warnText), chromedp.SetValue(chromedp.CSS("#tt-profile"), "campaign"),
		chromedp.Click(chromedp.CSS("#tonetest button[type=submit]")))
	editor.waitJS("the tone test", `document.querySelector("#tonetest .tone-live").dataset.verdict === "warn"`)
	require.Equal(t, 2, eval[int](editor, `document.querySelectorAll("#tonetest .highlight mark").length`))
	editor.open("/settings/slots?lang=fr")
	eval[bool](editor, `(() => { const d = [...document.querySelectorAll(".slot-account")].find(l => l.querySelector("h3").textContent.includes("@avecanne "));
		d.querySelector("details").open = true; const f = d.querySelector("form.slots"); f.id = "slots-target";
		f.querySelectorAll("input[name=weekdays]").forEach(b => b.checked = true); f.querySelector("input[name=times]").value = "09:30, 18:00";
		return true; })()`)
	editor.do(chromedp.Click(chromedp.CSS("#slots-target button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("main p.flash")))
	require.True(t, eval[bool](editor, `[...document.querySelectorAll(".slot-account h3")].some(h => h.textContent.includes("@avecanne ") && h.querySelector(".count").textContent === "14 créneaux")`))

	editor.open("/?lang=en")
	require.Equal(t, "en", eval[string](editor, `document.documentElement.lang`))
	require.Equal(t, "Queue", editor.text(`nav.mainnav a[aria-current]`))
	editor.shoot("queue-en")
	editor.open("/?lang=fr")
	require.Equal(t, "À valider", editor.text(`nav.mainnav a[aria-current]`))

	// A colistier publishes the suggestion on her own account.
	editor.logout()
	editor.login("colistier-11e@demo.relais.fr")
	editor.do(chromedp.WaitVisible(chromedp.CSS("#districtmap .tile")))
	editor.shoot("home-colistier")
	editor.open("/inbox")
	sg := fmt.Sprintf(`article[data-suggestion] button[value=publish]`)
	editor.do(chromedp.WaitVisible(chromedp.CSS(sg)))
	require.Equal(t, "0", editor.text("#shared-week"))
	require.Contains(t, editor.text(sg), "@avecanne_11")
	editor.shoot("inbox")
	// Her account's profile is stricter than the campaign's: the approved
	// text is refused on it, so she rewrites it before publishing.
	editor.do(chromedp.Click(chromedp.CSS(sg)), chromedp.WaitVisible(chromedp.CSS(".error, .flash")))
	require.Contains(t, editor.text("main"), "Les règles de ton de votre compte bloquent ce texte : reformulez-le.", "her profile blocks the campaign's wording")
	require.NotContains(t, editor.text("main"), "rephrase", "in French only")
	editor.open("/inbox")
	editor.do(chromedp.SetValue(chromedp.CSS("article[data-suggestion] textarea"), "Ce matin au marché du 11e : merci pour votre accueil !"),
		chromedp.Click(chromedp.CSS(sg)), chromedp.WaitVisible(chromedp.CSS(".flash")))
	require.Contains(t, editor.text(".flash"), "Publié sur votre compte")
	require.Equal(t, "1", editor.text("#shared-week"))
	require.NotEmpty(t, eval[string](editor, `document.querySelector("article.sg-shared").id`))

	// Both languages render for her too.
	editor.open("/?lang=en")
	require.Equal(t, "Home", editor.text(`nav.mainnav a[aria-current]`))
	require.Contains(t, editor.text("h1"), "running-mate")
	editor.open("/inbox?lang=fr")
	require.Contains(t, editor.text("h1"), "suggestions de partage")

	browserWorkflow(t, tm, author, editor)
}
