package main

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// wideJS names the elements wider than the viewport, for a failing test's
// message.
const wideJS = `(() => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); const out = []; let n; while ((n = w.nextNode())) { const r = document.createRange(); r.selectNodeContents(n); const b = r.getBoundingClientRect(); if (b.right > 376) out.push(n.parentElement.tagName + "." + n.parentElement.className + ":" + n.textContent.slice(0, 30) + "[" + Math.round(b.right) + "]"); } return out.slice(0, 6).join(" | "); })()`

// TestBrowserLongURLWraps opens, on a 375 px phone in French and English,
// the pages showing a post whose text holds a long tracked link (its
// page, its author's home and edit page, the web lead's queue card):
// none scrolls sideways.
func TestBrowserLongURLWraps(t *testing.T) {
	exe := chromiumPath(t)
	tm := mustRunDemo(t)
	b := newBrowser(t, exe, tm.URL, artifactsDir(t))
	b.login("cm@demo.relais.fr")
	web := newBrowser(t, exe, tm.URL, artifactsDir(t))
	web.login("web@demo.relais.fr")
	tok := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	text := "Tout le programme logement : https://www.exemple-campagne.fr/programme/2026/propositions-logement-transports-ecologie-quartiers-populaires?utm_source=reseaux&utm_campaign=municipales"
	var p postJSON
	require.Equal(t, 201, tm.call(tok, "POST", "/api/posts", map[string]any{"text": text, "targets": []string{"@avecanne"}}, &p))
	require.Equal(t, 200, tm.call(tok, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	for _, lang := range []string{"fr", "en"} {
		for _, page := range []string{fmt.Sprintf("/posts/%d", p.ID), "/", fmt.Sprintf("/posts/%d/edit", p.ID)} {
			b.open(page + "?lang=" + lang)
			b.do(chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile), chromedp.Sleep(200*time.Millisecond))
			require.LessOrEqual(t, eval[int](b, `document.documentElement.scrollWidth`), 375, "%s scrolls sideways: %s", page, eval[string](b, wideJS))
		}
		web.open("/?lang=" + lang)
		web.do(chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf("#queue #post-%d", p.ID))),
			chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile), chromedp.Sleep(200*time.Millisecond))
		require.LessOrEqual(t, eval[int](web, `document.documentElement.scrollWidth`), 375, "the queue card scrolls sideways: %s", eval[string](web, wideJS))
		b.open(fmt.Sprintf("/posts/%d?lang=%s", p.ID, lang))
		b.shoot("walkfix-long-url-" + lang)
	}
}

// TestBrowserWalkfixPages opens, in French and English, the pages the
// newcomer walk fixed (an approved post waiting for its time, the
// community manager's home, the web lead's read-only tone rules, the
// invitation refused for its domain): none scrolls sideways on a
// 375 px phone, and each is shot at 375 and 1280 px.
func TestBrowserWalkfixPages(t *testing.T) {
	exe := chromiumPath(t)
	tm := mustRunDemo(t)
	art := artifactsDir(t)
	cm, web, admin := newBrowser(t, exe, tm.URL, art), newBrowser(t, exe, tm.URL, art), newBrowser(t, exe, tm.URL, art)
	cm.login("cm@demo.relais.fr")
	web.login("web@demo.relais.fr")
	admin.login("admin@demo.relais.fr")
	cmTok, webTok := tm.cli("user", "token", "--email", "cm@demo.relais.fr"), tm.cli("user", "token", "--email", "web@demo.relais.fr")
	var p postJSON
	require.Equal(t, 201, tm.call(cmTok, "POST", "/api/posts", `{"text":"Meeting de clôture vendredi","targets":["@avecanne"],"scheduled_at":"2027-01-15T20:00:00Z"}`, &p))
	require.Equal(t, 200, tm.call(cmTok, "PUT", fmt.Sprintf("/api/posts/%d", p.ID), `{"text":"Meeting de clôture vendredi à 21h","targets":["@avecanne"],"scheduled_at":"2027-01-15T20:00:00Z"}`, &p))
	require.Equal(t, 200, tm.call(cmTok, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, 200, tm.call(webTok, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID), map[string]any{"content_hash": p.ContentHash}, &p))
	want := map[string][5]string{
		"fr": {"Approuvée : publication prévue le 15/01/2027 21:00 sur X · @avecanne.", "Accueil", "n'a pas de domaine complet", "(community manager) — contenu modifié", "bloquent ce texte"},
		"en": {"Approved: to be published on Fri 15 Jan 2027 21:00 to X · @avecanne.", "Home", "has no full domain", "(community manager) — content changed", "block this text"},
	}
	col := newBrowser(t, exe, tm.URL, art)
	col.login("colistier-11e@demo.relais.fr")
	var shared postJSON
	require.Equal(t, 201, tm.call(cmTok, "POST", "/api/posts", `{"text":"Merci au marché du 11e ce matin !","targets":["@avecanne"]}`, &shared))
	require.Equal(t, 200, tm.call(cmTok, "POST", fmt.Sprintf("/api/posts/%d/submit", shared.ID), nil, &shared))
	require.Equal(t, 200, tm.call(webTok, "POST", fmt.Sprintf("/api/posts/%d/approve", shared.ID), map[string]any{"content_hash": shared.ContentHash}, &shared))
	edited := "Le bilan de Bernard Lacombe est désastreux pour le 11e."
	colTok := tm.cli("user", "token", "--email", "colistier-11e@demo.relais.fr")
	require.Eventually(t, func() bool {
		var in struct{ Suggestions []struct{} }
		return tm.call(colTok, "GET", "/api/suggestions", nil, &in) == 200 && len(in.Suggestions) > 0
	}, 30*time.Second, 100*time.Millisecond, "the colistier's suggestion")
	phone := func(b *browser, what string) {
		b.do(chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile), chromedp.Sleep(200*time.Millisecond))
		require.LessOrEqual(t, eval[int](b, `document.documentElement.scrollWidth`), 375, "%s scrolls sideways: %s", what, eval[string](b, wideJS))
	}
	for lang, w := range want {
		web.open(fmt.Sprintf("/posts/%d?lang=%s", p.ID, lang))
		require.Equal(t, w[0], web.text("#deliveries-planned"))
		require.Contains(t, web.text("#history"), w[3])
		require.NotContains(t, web.text("#history"), p.ContentHash[:12])
		phone(web, "the planned post")
		web.shoot("walkfix-planned-" + lang)
		cm.open("/?lang=" + lang)
		require.Equal(t, w[1], cm.text("main h1"))
		phone(cm, "the community manager's home")
		cm.shoot("walkfix-home-cm-" + lang)
		web.open("/settings/tone?lang=" + lang)
		require.Equal(t, "", eval[string](web, `[...document.querySelectorAll("#opponents input:not([type=hidden]), #profiles select")].filter(e => !e.matches(":disabled")).map(e => e.outerHTML).join(" ")`))
		require.True(t, eval[bool](web, `document.querySelector("#yaml").readOnly`))
		phone(web, "the read-only tone rules")
		web.shoot("walkfix-tone-readonly-" + lang)
		admin.open("/settings/members?lang=" + lang)
		admin.do(chromedp.SetValue(chromedp.CSS("form[action='/settings/members/invite'] input[name=email]"), "jean.dupont@exemple"),
			chromedp.SetValue(chromedp.CSS("form[action='/settings/members/invite'] input[name=name]"), "Jean Dupont"),
			chromedp.Submit(chromedp.CSS("form[action='/settings/members/invite']")), chromedp.WaitVisible(chromedp.CSS("main .error")))
		require.Contains(t, admin.text("main .error"), w[2])
		phone(admin, "the refused invitation")
		admin.shoot("walkfix-invite-domain-" + lang)
		col.open("/inbox?lang=" + lang)
		col.do(chromedp.SetValue(chromedp.CSS("article[data-suggestion] textarea"), edited),
			chromedp.Click(chromedp.CSS("article[data-suggestion] button[value=shared]")), chromedp.WaitVisible(chromedp.CSS("main .error")))
		require.Contains(t, col.text("main .error"), w[4])
		require.Equal(t, edited, eval[string](col, `document.querySelector("article[data-suggestion] textarea").value`))
		phone(col, "the inbox with a refused edit")
		col.shoot("walkfix-inbox-refused-" + lang)
	}
}
