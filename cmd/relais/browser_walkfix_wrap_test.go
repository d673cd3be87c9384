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
// the pages showing a post whose text holds a long tracked link: none
// scrolls sideways.
func TestBrowserLongURLWraps(t *testing.T) {
	exe := chromiumPath(t)
	tm := mustRunDemo(t)
	b := newBrowser(t, exe, tm.URL, artifactsDir(t))
	b.login("cm@demo.relais.fr")
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
		b.open(fmt.Sprintf("/posts/%d?lang=%s", p.ID, lang))
		b.shoot("walkfix-long-url-" + lang)
	}
}
