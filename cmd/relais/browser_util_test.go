package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais/demo"
)

// warnText is negative wording near an opponent: a tone warning on the
// campaign's account (relais tone check --profile campaign), a block on the
// candidate's.
const warnText = "Le bilan de Bernard Lacombe est désastreux pour le 11e."

// chromiumPath returns Debian's chromium, skipping the test without it
// (failing under CI=true, where .ci/run installs it).
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("RELAIS_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p != "" {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is missing: CI must install it (apt-get install -y chromium)")
	}
	t.Skip("chromium is missing: apt-get install -y chromium")
	return ""
}

// mustRunDemo starts relais on a fresh SQLite database seeded with the demo
// Paris campaign and its tone rules, with share suggestions due at once.
func mustRunDemo(t *testing.T) *testMain {
	t.Helper()
	return mustRunDemoWith(t, nil)
}

// mustRunDemoWith is mustRunDemo with set changing the Main before it
// runs (nil: no change).
func mustRunDemoWith(t *testing.T, set func(*Main)) *testMain {
	t.Helper()
	m := NewMain(io.Discard, io.Discard)
	if set != nil {
		set(m)
	}
	m.env.DataDir = t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(m.env.DataDir, "tone.yaml"), []byte(demo.ToneConfig), 0o600))
	m.Addr, m.PollEvery, m.Rescue, m.ShareWindow = "127.0.0.1:0", testPoll, 5*time.Second, time.Millisecond
	require.NoError(t, m.Run(context.Background()))
	t.Cleanup(func() { require.NoError(t, m.Close()) })
	_, err := demo.Seed(context.Background(), m.store, 20)
	require.NoError(t, err)
	return &testMain{Main: m, t: t, URL: "http://" + m.ListenAddr()}
}

// browser is one headless Chromium with its own profile (cookies), so two
// browsers are two people.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string
	art  string
}

func newBrowser(t *testing.T, exe, base, art string) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 800),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	// The first run starts the browser: it must get the browser's own
	// context, not one with a timeout whose end would close the browser.
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)))
	return &browser{t: t, ctx: ctx, base: base, art: art}
}

// do runs steps, failing the test after 20 s.
func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	require.NoError(b.t, chromedp.Do(ctx, steps...))
}

// eval returns a JavaScript expression's value.
func eval[T any](b *browser, js string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	require.NoError(b.t, err, js)
	return v
}

// waitJS waits until a JavaScript condition holds (15 s at most). A page
// that reloads itself meanwhile (a live refresh) destroys the context the
// condition was polled in: polling starts again in the new page.
func (b *browser) waitJS(what, cond string) {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(b.ctx, time.Until(deadline)+5*time.Second)
		_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(time.Until(deadline))))
		cancel()
		if err == nil || !reloaded(err) || time.Now().After(deadline) {
			require.NoError(b.t, err, "waiting for %s (%s)", what, cond)
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// reloaded reports whether err says the page's JavaScript context went
// away under a call (the page navigated or reloaded).
func reloaded(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "Cannot find context with specified id") ||
		strings.Contains(msg, "Execution context was destroyed")
}

// open navigates to path and waits for its main element. A navigation
// the page itself aborted (net::ERR_ABORTED: a live refresh or a late form
// submission of the page being left) is tried once more; it is not what
// the tests are about.
func (b *browser) open(path string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Navigate(b.base+path))
	if err != nil && strings.Contains(err.Error(), "ERR_ABORTED") {
		time.Sleep(300 * time.Millisecond)
		err = chromedp.Do(ctx, chromedp.Navigate(b.base+path))
	}
	require.NoError(b.t, err, "opening %s", path)
	b.do(chromedp.WaitReady(chromedp.CSS("main")))
}

func (b *browser) text(sel string) string {
	b.t.Helper()
	return eval[string](b, fmt.Sprintf(`(document.querySelector(%q)||{}).textContent||""`, sel))
}

// login signs in through the form.
func (b *browser) login(email string) {
	b.t.Helper()
	b.open("/login")
	b.do(chromedp.SendKeys(chromedp.CSS("#email"), email), chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form[action='/login'] button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("nav.mainnav")))
}

// logout signs out through the header's button.
func (b *browser) logout() {
	b.t.Helper()
	b.do(chromedp.Click(chromedp.CSS("form[action='/logout'] button")), chromedp.WaitVisible(chromedp.CSS("#email")))
}

// shoot saves the page at phone (375×812) and desktop (1280×800) widths.
func (b *browser) shoot(name string) {
	b.t.Helper()
	for _, v := range []struct {
		suffix string
		w, h   int64
	}{{"phone", 375, 812}, {"desktop", 1280, 800}} {
		opts := []chromedp.EmulateViewportOption{}
		if v.suffix == "phone" {
			opts = append(opts, chromedp.EmulateMobile)
		}
		b.do(chromedp.EmulateViewport(v.w, v.h, opts...), chromedp.Sleep(150*time.Millisecond))
		ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		cancel()
		require.NoError(b.t, err)
		require.NoError(b.t, os.WriteFile(filepath.Join(b.art, name+"-"+v.suffix+".png"), png, 0o644))
	}
}

// artifactsDir is where screenshots go: $RELAIS_ARTIFACTS, or a temporary
// directory (they are never committed).
func artifactsDir(t *testing.T) string {
	dir := os.Getenv("RELAIS_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	dir = filepath.Join(dir, "screenshots")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return dir
}

// drag drags the element from onto the element to. When a live refresh
// replaced the calendar between finding the nodes and dropping ("Could not
// find node"), the drag is tried once more on the fresh nodes.
func (b *browser) drag(from, to string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.DragAndDrop(chromedp.CSS(from), chromedp.CSS(to)))
	if err != nil && strings.Contains(err.Error(), "Could not find node") {
		time.Sleep(300 * time.Millisecond)
		err = chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(from)), chromedp.DragAndDrop(chromedp.CSS(from), chromedp.CSS(to)))
	}
	require.NoError(b.t, err, "dragging %s onto %s", from, to)
}
