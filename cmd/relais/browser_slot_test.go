package main

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// TestBrowserSlotCheck (issue 14 item 3): on the compose page, ticking an
// account and picking a time next to a post already planned there shows,
// beside the date and in the page's language, which post is too close,
// without touching what was typed; a later time clears it. A move by the
// calendar's form lands on the calendar with the warning. Screenshots of
// each, and of a post's history (a move, a cancellation) and the
// reconnect page, at 375 and 1280 px in French and English.
func TestBrowserSlotCheck(t *testing.T) {
	exe := chromiumPath(t)
	tm := mustRunDemo(t)
	b := newBrowser(t, exe, tm.URL, artifactsDir(t))
	b.login("web@demo.relais.fr")
	b.open("/compose?lang=fr")
	acct := eval[string](b, `document.querySelector('input[name=target][data-handle="avecanne"][data-platform="x"]').value`)
	web := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	at := time.Now().In(paris()).AddDate(0, 0, 5).Truncate(time.Hour).Add(10 * time.Hour)
	var first warnedPost
	require.Equal(t, 201, tm.call(web, "POST", "/api/posts", fmt.Sprintf(`{"text":"Marché d'Aligre","targets":[%s],"scheduled_at":%q}`, acct, at.Format(time.RFC3339)), &first))

	for _, lang := range []string{"fr", "en"} {
		b.open("/compose?lang=" + lang)
		b.do(chromedp.SendKeys(chromedp.CSS("#text"), "Rendez-vous au marché"),
			chromedp.Click(chromedp.CSS(`input[name=target][data-handle="avecanne"][data-platform="x"]`)))
		setWhen(b, at.Add(5*time.Minute).Format("2006-01-02T15:04"))
		b.waitJS("the slot warning", `!document.getElementById("when-slots").hidden`)
		want := map[string]string{"fr": "la publication #%d est déjà prévue", "en": "post #%d is already scheduled"}[lang]
		require.Contains(t, b.text("#when-slots"), fmt.Sprintf(want, first.ID))
		require.Equal(t, "Rendez-vous au marché", eval[string](b, `document.getElementById("text").value`), "what was typed stays")
		b.shoot("compose-slot-" + lang)
		setWhen(b, at.Add(3*time.Hour).Format("2006-01-02T15:04"))
		b.waitJS("the slot warning to go", `document.getElementById("when-slots").hidden`)
	}

	var other warnedPost
	require.Equal(t, 201, tm.call(web, "POST", "/api/posts", fmt.Sprintf(`{"text":"Tractage","targets":[%s],"scheduled_at":%q}`, acct, at.Add(4*time.Hour).Format(time.RFC3339)), &other))
	b.open(fmt.Sprintf("/calendar?view=week&date=%s&lang=fr", at.Format("2006-01-02")))
	eval[bool](b, fmt.Sprintf(`(() => { const f = document.createElement("form"); f.method = "post"; f.action = "/calendar/move";
		for (const [k, v] of [["post", %q], ["scheduled_at", %q]]) { const i = document.createElement("input"); i.name = k; i.value = v; f.append(i); }
		document.body.append(f); f.submit(); return true; })()`, strconv.FormatInt(other.ID, 10), at.Add(2*time.Minute).Format("2006-01-02T15:04")))
	b.do(chromedp.WaitVisible(chromedp.CSS("main .callout.slot-conflict")))
	require.Contains(t, b.text("main .callout.slot-conflict"), fmt.Sprintf("la publication #%d est déjà prévue", first.ID))
	b.shoot("calendar-moved-slot")

	moved := movedFixture(t, tm)
	for _, lang := range []string{"fr", "en"} {
		b.open(fmt.Sprintf("/posts/%d?lang=%s#history", moved, lang))
		b.shoot("post-history-" + lang)
	}
	b.logout()
	b.login("admin@demo.relais.fr")
	for _, lang := range []string{"fr", "en"} {
		b.open("/settings/accounts?lang=" + lang)
		b.shoot("settings-accounts-" + lang)
		b.open(fmt.Sprintf("/settings/connect?reconnect=%s&lang=%s", acct, lang))
		b.shoot("connect-reconnect-" + lang)
	}
}

// setWhen types a date into the compose page's date field as a person
// would, firing its change event.
func setWhen(b *browser, v string) {
	eval[bool](b, fmt.Sprintf(`(() => { const w = document.getElementById("scheduled_at"); w.value = %q; w.dispatchEvent(new Event("change")); return true; })()`, v))
}
