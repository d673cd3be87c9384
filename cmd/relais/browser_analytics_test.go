package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store"
)

// TestBrowserAnalytics opens the weekly report and an A/B test in
// headless Chromium, in French and English, and saves them at phone and
// desktop widths: an experiment runs on the demo (its variants approved by
// the candidate, sent to a sample of the 17 sectors' colistiers by the
// real scheduler, clicked through the real short links).
func TestBrowserAnalytics(t *testing.T) {
	exe := chromiumPath(t)
	tm := mustRunDemo(t)
	art := artifactsDir(t)
	exp := demoExperiment(t, tm)
	b := newBrowser(t, exe, tm.URL, art)
	b.login("web@demo.relais.fr")
	week := analytics.WeekOf(time.Now(), relais.DefaultLocation()).String()

	b.open("/reports/weekly?lang=fr&metric=clicks&week=" + week)
	require.Contains(t, b.text("h1"), "Rapport hebdomadaire par secteur")
	require.Equal(t, 17, eval[int](b, `document.querySelectorAll(".report-table tbody tr").length`), "one row per Paris sector")
	require.Equal(t, 17, eval[int](b, `document.querySelectorAll("svg.report-map g rect").length`))
	require.Positive(t, eval[int](b, `document.querySelectorAll("svg.chart rect").length`))
	require.Contains(t, b.text(".focus-rule"), "sièges")
	require.Contains(t, b.text(".report-source"), "liens courts")
	b.shoot("report-fr")
	b.open("/reports/weekly?lang=en&metric=share_rate&week=" + week)
	require.Contains(t, b.text("h1"), "Weekly district report")
	require.Contains(t, b.text(".report-table caption"), "Figures by district")
	b.shoot("report-en")
	b.open("/reports/weekly?lang=en&metric=new_supporters&week=" + week)
	require.Contains(t, b.text("section.report h2"), "New supporters")
	require.Equal(t, 17, eval[int](b, `document.querySelectorAll("svg.report-map g rect").length`))
	b.shoot("report-supporters-en")

	b.open(fmt.Sprintf("/experiments/%d?lang=fr", exp))
	require.Contains(t, b.text("h1"), "Test A/B")
	require.Equal(t, 2, eval[int](b, `document.querySelectorAll("svg.chart g").length`))
	require.Contains(t, b.text(".focus-rule"), "Test z")
	b.shoot("experiment-fr")
	b.open(fmt.Sprintf("/experiments/%d?lang=en", exp))
	require.Contains(t, b.text(".focus-rule"), "Two-proportion z-test")
	b.shoot("experiment-en")

	for _, lang := range []string{"fr", "en"} {
		for _, vp := range []viewport{{"phone", 375, 812, true}, {"desktop", 1280, 800, false}} {
			b.viaNav(lang, vp, exp)
		}
	}
}

// viewport is a screen size the navigation is clicked at.
type viewport struct {
	name   string
	w, h   int64
	mobile bool
}

// navTexts are the report's and the experiments' nav entries and pages'
// headings, by language.
var navTexts = map[string][6]string{
	"fr": {"Rapport", "Tests A/B", "Rapport hebdomadaire par secteur", "Test A/B", "publications des comptes de la campagne", "de l'envoi des variantes à la décision"},
	"en": {"Report", "A/B tests", "Weekly district report", "A/B test", "posts published on the campaign's accounts", "from the variants' sending to the decision"},
}

// viaNav reaches the report, the list of experiments and experiment exp
// by clicking the main navigation at vp, checking that no page is wider
// than the screen, and saves each page.
func (b *browser) viaNav(lang string, vp viewport, exp int64) {
	b.t.Helper()
	opts := []chromedp.EmulateViewportOption{}
	if vp.mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	want := navTexts[lang]
	b.do(chromedp.EmulateViewport(vp.w, vp.h, opts...))
	b.open("/?lang=" + lang)
	require.Equal(b.t, want[0], strings.TrimSpace(b.text(`nav.mainnav a[href="/reports/weekly"]`)))
	b.click(`nav.mainnav a[href="/reports/weekly"]`, "section.report")
	require.Contains(b.t, b.text("h1"), want[2])
	require.Equal(b.t, "page", eval[string](b, `document.querySelector('nav.mainnav a[href="/reports/weekly"]').getAttribute("aria-current")`))
	require.NotContains(b.t, b.text(".report-window"), "T00:00", "dates, not timestamps")
	require.Contains(b.t, b.text("section.report"), want[4], "the balance's rule in the page's language")
	require.Equal(b.t, "Paris Centre", b.text(".report-table tbody tr th"), "sectors in their order, not the alphabet's")
	b.noOverflow("report " + lang + " " + vp.name)
	// the table fits its box: on a phone each sector is a card, on a
	// desktop the last column wraps rather than hiding past the edge
	tw := eval[[]int](b, `(e => [e.scrollWidth, e.clientWidth])(document.querySelector(".table-wrap"))`)
	require.LessOrEqual(b.t, tw[0], tw[1], "report %s %s: the sector table is wider than its box", lang, vp.name)
	if vp.mobile {
		require.Equal(b.t, map[string]string{"fr": "Taux de partage", "en": "Share rate"}[lang],
			eval[string](b, `getComputedStyle(document.querySelector(".report-table td[data-label]:nth-of-type(5)"), "::before").content.replace(/"/g, "")`))
	}
	b.save("nav-report-" + lang + "-" + vp.name)
	b.click(`nav.mainnav a[href="/experiments"]`, "table.experiments")
	require.Equal(b.t, want[1], strings.TrimSpace(b.text("h1")))
	b.noOverflow("experiments " + lang + " " + vp.name)
	b.save("nav-experiments-" + lang + "-" + vp.name)
	b.click(fmt.Sprintf(`table.experiments a[href="/experiments/%d"]`, exp), "section.experiment")
	require.Contains(b.t, b.text("h1"), want[3])
	require.Contains(b.t, b.text("section.experiment"), want[5], "the window in the page's language")
	b.noOverflow("experiment " + lang + " " + vp.name)
	b.save("nav-experiment-" + lang + "-" + vp.name)
}

// click clicks sel and waits for the next page's then element.
func (b *browser) click(sel, then string) {
	b.t.Helper()
	b.do(chromedp.Click(chromedp.CSS(sel)), chromedp.WaitVisible(chromedp.CSS(then)))
}

// noOverflow fails when the page is wider than the screen (wide tables
// scroll inside their own box).
func (b *browser) noOverflow(what string) {
	b.t.Helper()
	w := eval[[]int](b, `[document.documentElement.scrollWidth, window.innerWidth]`)
	require.LessOrEqual(b.t, w[0], w[1], "%s: the page is wider than the screen", what)
}

// save writes the current page as it is on screen, at the current size.
func (b *browser) save(name string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(b.t, err)
	require.NoError(b.t, os.WriteFile(filepath.Join(b.art, name+".png"), png, 0o644))
}

// demoExperiment starts an experiment on a demo draft, approves its
// variants, waits for the scheduler to send them and clicks one link.
func demoExperiment(t *testing.T, tm *testMain) int64 {
	ctx := context.Background()
	var editor, anne *relais.Member
	var campaign *relais.Account
	require.NoError(t, tm.store.View(ctx, func(tx *store.Tx) (err error) {
		if editor, _, err = tx.MemberByEmail("web@demo.relais.fr"); err != nil {
			return err
		}
		if anne, _, err = tx.MemberByEmail("anne@demo.relais.fr"); err != nil {
			return err
		}
		campaign, err = tx.AccountByHandle("x:avecanne")
		return err
	}))
	ectx, actx := relais.NewContextWithMember(ctx, editor), relais.NewContextWithMember(ctx, anne)
	approvals := tm.analytics.Posts.(*approval.Service)
	parent, err := approvals.CreatePost(ectx, approval.PostInput{Text: "Réunion publique jeudi https://paris2026.fr/jeudi",
		Targets: []approval.Target{{ID: campaign.ID}}})
	require.NoError(t, err)
	v, err := tm.analytics.CreateExperiment(ectx, analytics.ExperimentInput{PostID: parent.ID, Audience: "colistiers", Sample: 0.5,
		Metric: "clicks", DecideAfter: "2h", Variants: []analytics.VariantInput{{Text: "Venez jeudi ! https://paris2026.fr/jeudi"},
			{Text: "Jeudi, on vous attend : https://paris2026.fr/jeudi"}}})
	require.NoError(t, err)
	for _, vv := range v.Variants {
		pv, err := approvals.Get(actx, vv.PostID)
		require.NoError(t, err)
		_, err = approvals.Approve(actx, vv.PostID, approval.ApproveInput{ContentHash: pv.Post.ContentHash, AcknowledgeWarnings: true})
		require.NoError(t, err)
	}
	require.Eventually(t, func() bool {
		v, err = tm.analytics.Experiment(ectx, v.ID)
		return err == nil && v.State == analytics.ExpRunning
	}, 15*time.Second, 50*time.Millisecond, "the variants reach their sample")
	var text string
	require.NoError(t, tm.store.View(ctx, func(tx *store.Tx) error {
		kits, err := tx.ShareKits(v.Variants[1].PostID, 0, 10)
		if len(kits) > 0 {
			text = kits[0].Text
		}
		return err
	}))
	i := strings.Index(text, "/l/")
	require.Positive(t, i, text)
	req, _ := http.NewRequest("GET", tm.URL+text[i:i+3+analytics.CodeLen], nil)
	req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
	res, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusFound, res.StatusCode)
	return v.ID
}
