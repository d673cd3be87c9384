package main

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

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
	week := analytics.WeekOf(time.Now()).String()

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

	b.open(fmt.Sprintf("/experiments/%d?lang=fr", exp))
	require.Contains(t, b.text("h1"), "Test A/B")
	require.Equal(t, 2, eval[int](b, `document.querySelectorAll("svg.chart g").length`))
	require.Contains(t, b.text(".focus-rule"), "Test z")
	b.shoot("experiment-fr")
	b.open(fmt.Sprintf("/experiments/%d?lang=en", exp))
	require.Contains(t, b.text(".focus-rule"), "Two-proportion z-test")
	b.shoot("experiment-en")
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
