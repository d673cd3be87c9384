package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// TestBrowserWalkFixes walks, in French and English, at 375 and 1280 px,
// the pages a newcomer found wanting: a refused submit lands once on the
// draft's edit page with why; the approver's home card shows the changes
// and deciding there confirms it; the calendar fits a phone and names
// the next month's days; the settings, report and connect pages read
// dates, profiles and sectors for people.
func TestBrowserWalkFixes(t *testing.T) {
	exe := chromiumPath(t)
	tm := mustRunDemo(t)
	art := artifactsDir(t)
	author, editor := newBrowser(t, exe, tm.URL, art), newBrowser(t, exe, tm.URL, art)
	author.login("cm@demo.relais.fr")
	editor.login("web@demo.relais.fr")

	long := strings.Repeat("Réunion publique jeudi au gymnase Japy. ", 9)
	author.open("/compose?lang=fr")
	author.do(chromedp.Click(chromedp.CSS(`input[name=target][data-handle="avecanne"][data-platform="x"]`)),
		chromedp.SetValue(chromedp.CSS("#text"), long), chromedp.Click(chromedp.CSS(`#compose button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("main .flash")))
	require.Regexp(t, `/posts/[0-9]+/edit\?check=1`, eval[string](author, `location.pathname + location.search`))
	require.Contains(t, author.text("main .error"), "X @avecanne : le texte compte")
	author.shoot("walk-submit-refused-fr")
	author.open(eval[string](author, `location.pathname + location.search`)[len(""):] + "&lang=en")
	require.Contains(t, author.text("main .error"), "the platform allows 280")
	author.shoot("walk-submit-refused-en")
	require.Equal(t, 1, countPostsWithText(t, tm, long))

	cmTok, webTok := tm.cli("user", "token", "--email", "cm@demo.relais.fr"), tm.cli("user", "token", "--email", "web@demo.relais.fr")
	var p postJSON
	require.Equal(t, 201, tm.call(cmTok, "POST", "/api/posts", `{"text":"Réunion publique jeudi","targets":["@avecanne"]}`, &p))
	require.Equal(t, 200, tm.call(cmTok, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, 200, tm.call(webTok, "POST", fmt.Sprintf("/api/posts/%d/request-changes", p.ID), map[string]string{"comment": "Précisez l'heure"}, &p))
	require.Equal(t, 200, tm.call(cmTok, "PUT", fmt.Sprintf("/api/posts/%d", p.ID), `{"text":"Réunion publique jeudi à 19h","targets":["@avecanne"]}`, &p))
	require.Equal(t, 200, tm.call(cmTok, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	card := fmt.Sprintf("#post-%d", p.ID)
	for _, lang := range []string{"en", "fr"} {
		editor.open("/?lang=" + lang)
		editor.do(chromedp.WaitVisible(chromedp.CSS(card + " .diff ins")))
		require.Contains(t, editor.text(card+" .asked"), "Précisez l'heure")
		editor.do(chromedp.ScrollIntoView(chromedp.CSS(card)))
		editor.shoot("walk-home-card-" + lang)
	}
	// on a phone, scrolled down to the card: the flash comes into view
	editor.do(chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile), chromedp.Sleep(200*time.Millisecond),
		chromedp.ScrollIntoView(chromedp.CSS(card+" button[value=approve]")))
	editor.do(chromedp.Click(chromedp.CSS(card + " button[value=approve]")))
	editor.waitJS("the decision's flash", `(document.querySelector("main > .flash")||{}).textContent === "Publication approuvée."`)
	editor.waitJS("the flash in view", `(r => r.top >= 0 && r.bottom <= innerHeight)(document.querySelector("main > .flash").getBoundingClientRect())`)
	editor.shoot("walk-home-decided-fr")

	for _, lang := range []string{"fr", "en"} {
		editor.open("/calendar?view=month&date=2026-11-01&lang=" + lang)
		editor.do(chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile), chromedp.Sleep(200*time.Millisecond))
		require.LessOrEqual(t, eval[int](editor, `document.documentElement.scrollWidth`), 375, "no sideways scroll on a phone")
		require.Contains(t, editor.text(`.cal-day[data-date="2026-12-01"] .cal-date`), map[string]string{"fr": "décembre", "en": "December"}[lang])
		require.Contains(t, eval[string](editor, `document.querySelector("a.lang").getAttribute("href")`), "view=month")
		editor.shoot("walk-calendar-month-" + lang)
		editor.open("/calendar?view=week&lang=" + lang)
		editor.do(chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile), chromedp.Sleep(200*time.Millisecond))
		require.LessOrEqual(t, eval[int](editor, `document.documentElement.scrollWidth`), 375, "no sideways scroll on a phone")
		editor.shoot("walk-calendar-week-" + lang)
		for _, page := range []string{"/settings/tone", "/settings/rounds", "/reports/weekly", "/settings/connect", fmt.Sprintf("/posts/%d", p.ID)} {
			editor.open(page + "?lang=" + lang)
			editor.shoot("walk" + strings.ReplaceAll(strings.Split(page, "?")[0], "/", "-") + "-" + lang)
		}
	}
	editor.open("/settings/tone?lang=fr")
	require.Contains(t, editor.text("table.severities thead"), "campagne")
	editor.open("/reports/weekly?lang=fr")
	require.NotContains(t, editor.text("#rep-h"), "-W")
}
