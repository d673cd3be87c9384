package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais/internal/testpeer/bluesky"
)

// TestBrowserConnectBluesky: the web lead opens Settings › Accounts ›
// Connect from the settings page and connects a Bluesky account of the
// real PDS with its handle and app password. A wrong app password is
// refused at once with the PDS's reason, the handle typed is kept and
// nothing is saved; the right one saves the account. The page renders in
// French and English; screenshots at 375 and 1280 px.
func TestBrowserConnectBluesky(t *testing.T) {
	exe := chromiumPath(t)
	pds := bluesky.Start(t)
	acct := pds.CreateAccount(t, "conn")
	tm := mustRunDemo(t)
	art := artifactsDir(t)
	b := newBrowser(t, exe, tm.URL, art)
	b.login("web@demo.relais.fr")

	b.open("/settings/accounts")
	b.do(chromedp.Click(chromedp.CSS("#connect-account")), chromedp.WaitVisible(chromedp.CSS("#connect-bluesky")))
	require.Equal(t, "Connecter un compte", b.text("main h1"))
	b.shoot("connect")

	fill := func(password, then string) {
		eval[bool](b, `(document.querySelector("#bsky-handle").value = "", true)`)
		b.do(chromedp.SendKeys(chromedp.CSS("#bsky-handle"), acct.Handle), chromedp.SendKeys(chromedp.CSS("#bsky-secret"), password))
		if !eval[bool](b, `document.querySelector("#connect-bluesky details").open`) {
			b.do(chromedp.Click(chromedp.CSS("#connect-bluesky details summary")))
		}
		eval[bool](b, `(document.querySelector("#bsky-base").value = "", document.querySelector("#bluesky-owner").value = "campaign", true)`)
		b.do(chromedp.SendKeys(chromedp.CSS("#bsky-base"), pds.URL),
			chromedp.Click(chromedp.CSS("#connect-bluesky-submit")), chromedp.WaitVisible(chromedp.CSS(then)))
	}
	fill("aaaa-bbbb-cccc-dddd", "#connect-bluesky #connect-error")
	require.Contains(t, b.text("#connect-error"), "Bluesky a refusé ces identifiants")
	require.Contains(t, b.text("#connect-error"), "Invalid identifier or password")
	require.Equal(t, acct.Handle, eval[string](b, `document.querySelector("#bsky-handle").value`), "the handle typed is kept")
	require.Empty(t, eval[string](b, `document.querySelector("#bsky-secret").value`), "the password is not sent back")
	b.shoot("connect-refused")
	require.NotContains(t, tm.cli("account", "list"), acct.Handle, "nothing saved")

	fill(acct.AppPassword, ".flash")
	require.Equal(t, "Compte vérifié et connecté.", b.text(".flash"))
	list := tm.cli("account", "list")
	require.Contains(t, list, acct.Handle)
	for _, line := range strings.Split(list, "\n") {
		if strings.Contains(line, acct.Handle) {
			require.Contains(t, line, "bluesky")
			require.Contains(t, line, "campaign")
		}
	}

	b.open("/settings/connect?lang=en")
	require.Equal(t, "Connect an account", b.text("main h1"))
	require.Contains(t, b.text("#connect-bluesky"), "App password")
	b.shoot("connect-en")
}
