package main

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// TestBrowserSettings opens each settings section in headless Chromium,
// in French and English, checks that the page does not overflow a
// phone's width, saves it at phone and desktop widths, and submits the
// opponents list with a bad handle: the error names the field and the
// typed handle stays.
func TestBrowserSettings(t *testing.T) {
	exe := chromiumPath(t)
	tm := mustRunDemo(t)
	b := newBrowser(t, exe, tm.URL, artifactsDir(t))
	b.login("admin@demo.relais.fr")
	titles := map[string]map[string]string{
		"fr": {"members": "Inviter un membre", "accounts": "Comptes", "tone": "Adversaires", "slots": "Créneaux de file", "rounds": "Tours de scrutin"},
		"en": {"members": "Invite a member", "accounts": "Accounts", "tone": "Opponents", "slots": "Queue slots", "rounds": "Election rounds"},
	}
	for _, lang := range []string{"fr", "en"} {
		b.open("/settings?lang=" + lang)
		require.Equal(t, 5, eval[int](b, `document.querySelectorAll("ul.sections li").length`))
		b.shoot("settings-" + lang)
		for _, sec := range []string{"members", "accounts", "tone", "slots", "rounds"} {
			b.open("/settings/" + sec + "?lang=" + lang)
			require.Contains(t, b.text("main section"), titles[lang][sec], sec)
			require.Equal(t, "/settings/"+sec, eval[string](b, `document.querySelector(".subnav a[aria-current=page]").getAttribute("href")`))
			b.shoot("settings-" + sec + "-" + lang)
			b.do(chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))
			require.LessOrEqual(t, eval[int](b, `document.documentElement.scrollWidth`), 375, "%s (%s) overflows a phone", sec, lang)
			b.do(chromedp.EmulateViewport(1280, 800))
		}
	}

	b.open("/settings/tone?lang=en")
	b.do(chromedp.SendKeys(chromedp.CSS("#opponents-form tr.new input[name=name]"), "Jean Dupont"),
		chromedp.SendKeys(chromedp.CSS("#opponents-form tr.new input[name=handles]"), "jdupont"),
		chromedp.Click(chromedp.CSS("#opponents-form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".field-error")))
	require.Contains(t, b.text(".field-error"), "Handles (@…, comma-separated):")
	require.Equal(t, "jdupont", eval[string](b, `document.querySelector("#opponents-form input[aria-invalid=true]").value`))
	b.shoot("settings-tone-error-en")
}
