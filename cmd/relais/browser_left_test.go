package main

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// TestBrowserSettingsErrorsAndHistory, in headless Chromium, in French and
// English: a queue slot typed "8h30" and an election round already over
// are refused with their field's sentence word for word beside the field,
// what was typed kept; a published post's history names its account by
// platform and handle. Each page fits a phone's width and is saved at
// phone and desktop widths.
func TestBrowserSettingsErrorsAndHistory(t *testing.T) {
	exe := chromiumPath(t)
	tm := mustRunDemoWith(t, func(m *Main) { m.Demo = true })
	b := newBrowser(t, exe, tm.URL, artifactsDir(t))
	b.login("admin@demo.relais.fr")
	published := demoPostIn(t, tm, tm.cli("user", "token", "--email", "admin@demo.relais.fr"), "published")
	want := map[string][3]string{
		"fr": {"Heures : « 8h30 » n'est pas une heure (HH:MM, par ex. 08:30).", "Jour du vote : le tour du 15/03/2020 est passé.", "X @avecanne : publié http"},
		"en": {"Times: “8h30” is not a time (HH:MM, e.g. 08:30).", "Voting day: the round of Sun 15 Mar 2020 is over.", "X @avecanne: published http"},
	}
	for _, lang := range []string{"fr", "en"} {
		b.open("/settings/slots?lang=" + lang)
		b.do(chromedp.Click(chromedp.CSS("#account-1 details.slots-add summary")),
			chromedp.Click(chromedp.CSS(`#account-1 input[name=weekdays][value="2"]`)),
			chromedp.SendKeys(chromedp.CSS("#times-1"), "8h30"),
			chromedp.Click(chromedp.CSS("#account-1 form.slots button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("#account-1 .field-error")))
		require.Equal(t, want[lang][0], b.text("#account-1 .field-error"))
		require.Equal(t, want[lang][0], b.text("main > p.error"), "the same sentence at the top")
		require.Equal(t, "8h30", eval[string](b, `document.querySelector("#times-1").value`), "what was typed is kept")
		require.True(t, eval[bool](b, `document.querySelector('#account-1 input[name=weekdays][value="2"]').checked`), "the ticked day is kept")
		b.phoneFits("slots error " + lang)
		b.shoot("left14-settings-slots-error-" + lang)

		b.open("/settings/rounds?lang=" + lang)
		b.do(chromedp.SendKeys(chromedp.CSS("#r-name"), "Ancien tour"),
			chromedp.Evaluate[chromedp.Void](`document.querySelector("#r-day").value = "2020-03-15"`),
			chromedp.Click(chromedp.CSS("form.round button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("form.round .field-error")))
		require.Equal(t, want[lang][1], b.text("form.round .field-error"))
		require.Equal(t, "Ancien tour", eval[string](b, `document.querySelector("#r-name").value`))
		require.Equal(t, "2020-03-15", eval[string](b, `document.querySelector("#r-day").value`))
		b.phoneFits("round error " + lang)
		b.shoot("left14-settings-round-error-" + lang)

		b.open(fmt.Sprintf("/posts/%d?lang=%s", published, lang))
		history := b.text("#history")
		require.Contains(t, history, want[lang][2], "the history names the account")
		require.NotRegexp(t, `compte \d|account \d|@history|delivery\.published`, history)
		b.phoneFits("history " + lang)
		b.shoot("left14-history-" + lang)
	}
}

// phoneFits fails when the page is wider than a 375 px phone.
func (b *browser) phoneFits(what string) {
	b.t.Helper()
	b.do(chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))
	b.noOverflow(what)
	b.do(chromedp.EmulateViewport(1280, 800))
}
