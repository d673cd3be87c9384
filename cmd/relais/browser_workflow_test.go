package main

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// browserWorkflow is TestBrowserDashboard's second half (issue 14): a form
// error that keeps what was typed, the request-changes loop (the author
// reads the comment, edits; the approver sees the words removed and added,
// approves; it publishes), delete and duplicate, the calendar's pager over
// three weeks and two months with its date picker and undated drafts, and
// a blackout warned at compose time, in French and English.
func browserWorkflow(t *testing.T, tm *testMain, author, editor *browser) {
	editor.logout()
	editor.login("web@demo.relais.fr")
	author.open("/?lang=fr")
	id := workflowFormError(t, author)
	workflowChangesLoop(t, tm, author, editor, id)
	workflowDeleteDuplicate(t, tm, author, id)
	workflowCalendar(t, editor)
	workflowBlackout(t, tm, author)
}

// workflowFormError: no account ticked is a form error naming the accounts
// field, in the page's language, with the text kept; then the post is sent.
func workflowFormError(t *testing.T, author *browser) int64 {
	const text = "Réunion publique jeudi au gymnase Japy"
	author.open("/compose")
	author.do(chromedp.SendKeys(chromedp.CSS("#text"), text), chromedp.Click(chromedp.CSS(`#compose button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("main .error")))
	require.Contains(t, author.text("main .error"), "Cochez au moins un compte")
	require.Equal(t, text, eval[string](author, `document.getElementById("text").value`), "what was typed is kept")
	require.Equal(t, "true", eval[string](author, `document.getElementById("targets").getAttribute("aria-invalid")`))
	author.shoot("compose-error")
	author.open("/compose?lang=en")
	author.do(chromedp.SendKeys(chromedp.CSS("#text"), text), chromedp.Click(chromedp.CSS(`#compose button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("main .error")))
	require.Contains(t, author.text("main .error"), "Tick at least one account")
	author.waitJS("the English tone box", `document.getElementById("tone").textContent.startsWith("Tone check: ")`)
	author.shoot("compose-error-en")
	author.open("/compose?lang=fr")
	author.do(chromedp.SendKeys(chromedp.CSS("#text"), text),
		chromedp.Click(chromedp.CSS(`input[name=target][data-handle="avecanne"][data-platform="x"]`)),
		chromedp.Click(chromedp.CSS(`#compose button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS("article[data-post]")))
	require.Contains(t, author.text("#post-state"), "en validation")
	return postOnPage(t, author)
}

func postOnPage(t *testing.T, b *browser) int64 {
	var id int64
	_, err := fmt.Sscan(eval[string](b, `document.querySelector("article[data-post]").dataset.post`), &id)
	require.NoError(t, err)
	return id
}

// workflowChangesLoop: request changes, the author edits, the approver
// sees the diff and approves, the post publishes.
func workflowChangesLoop(t *testing.T, tm *testMain, author, editor *browser, id int64) {
	post := fmt.Sprintf("/posts/%d", id)
	editor.open(post)
	editor.do(chromedp.SendKeys(chromedp.CSS("#comment"), "Précisez l'heure, s'il vous plaît"),
		chromedp.Click(chromedp.CSS(`form.decide button[value=request_changes]`)), chromedp.WaitVisible(chromedp.CSS("#changes-asked")))

	author.open("/")
	author.do(chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf("#mine-%d", id))))
	require.Contains(t, author.text(fmt.Sprintf("#mine-%d", id)), "Précisez l'heure")
	author.shoot("queue-mine")
	author.open(post)
	require.Contains(t, author.text("#changes-asked"), "Précisez l'heure")
	require.Contains(t, author.text("#changes-asked"), "Karim Benali")
	require.Contains(t, author.text("#comments"), "Précisez l'heure", "the approver's comment is in Discussion")
	author.shoot("post-changes-requested")
	author.do(chromedp.Click(chromedp.CSS("#changes-asked a.button")), chromedp.WaitVisible(chromedp.CSS("#compose[data-edit]")))
	require.Equal(t, "Réunion publique jeudi au gymnase Japy", eval[string](author, `document.getElementById("text").value`))
	require.True(t, eval[bool](author, `document.querySelector('input[name=target][data-handle="avecanne"][data-platform="x"]').checked`))
	author.shoot("edit")
	author.do(chromedp.SetValue(chromedp.CSS("#text"), "Réunion publique jeudi à 19h au gymnase Japy"),
		chromedp.Click(chromedp.CSS(`#compose button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS("article[data-post]")))
	require.Contains(t, author.text("main .flash"), "envoyée en validation")
	require.Contains(t, author.text("#post-state"), "en validation")

	editor.open(post)
	require.Equal(t, []string{"à 19h "}, eval[[]string](editor, `[...document.querySelectorAll("#diff ins")].map(e => e.textContent)`))
	require.Empty(t, eval[[]string](editor, `[...document.querySelectorAll("#diff del")].map(e => e.textContent)`))
	editor.shoot("post-diff")
	editor.open(post + "?lang=en")
	require.Contains(t, editor.text("#diff h2"), "Changed since you last read it")
	editor.shoot("post-diff-en")
	editor.open(post + "?lang=fr")
	editor.do(chromedp.Click(chromedp.CSS(`form.decide button[value=approve]`)), chromedp.Sleep(time.Second))
	waitState(t, tm, tm.cli("user", "token", "--email", "web@demo.relais.fr"), id, "published")
	editor.open(post)
	require.NotZero(t, eval[int](editor, `document.querySelectorAll("#deliveries .delivery[data-state=published]").length`))
	require.Contains(t, tm.sandboxTexts(), "Réunion publique jeudi à 19h au gymnase Japy")
}

// workflowDeleteDuplicate: a blocked draft is deleted (and listed nowhere);
// a published post is duplicated into a new, undated draft.
func workflowDeleteDuplicate(t *testing.T, tm *testMain, author *browser, published int64) {
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	var d postJSON
	require.Equal(t, 201, tm.call(cm, "POST", "/api/posts", `{"text":"Brouillon à jeter","targets":["@avecanne"]}`, &d))
	author.open(fmt.Sprintf("/posts/%d", d.ID))
	author.shoot("post-draft-actions")
	eval[bool](author, `window.confirm = () => true, true`)
	author.do(chromedp.Click(chromedp.CSS("#delete-post")), chromedp.WaitVisible(chromedp.CSS("main .flash")))
	require.Contains(t, author.text("main .flash"), "Publication supprimée")
	require.NotContains(t, author.text("[data-live=recent]"), "Brouillon à jeter")
	var got postJSON
	require.Equal(t, 200, tm.call(cm, "GET", fmt.Sprintf("/api/posts/%d", d.ID), nil, &got))
	require.Equal(t, "deleted", got.State)

	author.open(fmt.Sprintf("/posts/%d", published))
	author.do(chromedp.Click(chromedp.CSS("#duplicate-post")), chromedp.WaitVisible(chromedp.CSS("#compose[data-edit]")))
	require.Contains(t, author.text("main .flash"), "Copie créée")
	require.Equal(t, "Réunion publique jeudi à 19h au gymnase Japy", eval[string](author, `document.getElementById("text").value`))
	require.Empty(t, eval[string](author, `document.getElementById("scheduled_at").value`))
}

// workflowCalendar: ‹ › walk three weeks forward and back, two months
// forward; the date picker jumps; undated drafts are listed aside.
func workflowCalendar(t *testing.T, editor *browser) {
	loc := relais.DefaultLocation()
	start := time.Date(2027, 3, 10, 0, 0, 0, 0, loc) // a Wednesday
	editor.open("/calendar?view=week&date=" + start.Format("2006-01-02"))
	require.Equal(t, "Semaine du 08/03/2027", editor.text("#cal-label"))
	for _, want := range []string{"15/03/2027", "22/03/2027", "29/03/2027"} {
		editor.clickTo("#cal-next", "#cal-label", "Semaine du "+want)
	}
	for _, want := range []string{"22/03/2027", "15/03/2027", "08/03/2027"} {
		editor.clickTo("#cal-prev", "#cal-label", "Semaine du "+want)
	}
	editor.open("/calendar?view=month&date=2027-03-10&lang=en")
	require.Equal(t, "March 2027", editor.text("#cal-label"))
	for _, want := range []string{"April 2027", "May 2027"} {
		editor.clickTo("#cal-next", "#cal-label", want)
		q, err := url.ParseQuery(strings.TrimPrefix(eval[string](editor, `location.search`), "?"))
		require.NoError(t, err)
		require.Equal(t, "month", q.Get("view"), "the view survives the pager")
	}
	editor.clickTo("#cal-prev", "#cal-label", "April 2027")
	editor.open("/calendar?view=week&lang=fr")
	editor.do(chromedp.SetValue(chromedp.CSS("#cal-date"), "2027-06-16"))
	editor.clickTo(".datepick button", "#cal-label", "Semaine du 14/06/2027")
	editor.do(chromedp.WaitReady(chromedp.CSS("#undated")))
	editor.waitJS("the duplicated, undated draft listed aside", `(document.getElementById("undated") || {textContent: ""}).textContent.includes("Réunion publique jeudi à 19h")`)
	require.Zero(t, eval[int](editor, `[...document.querySelectorAll(".cal-day .entry .ex")].filter(e => e.textContent.includes("à 19h au gymnase")).length`),
		"an undated draft is not placed on the grid")
	editor.open("/calendar?view=week")
	editor.shoot("calendar-undated")
	editor.open("/calendar?view=week&lang=en")
	editor.shoot("calendar-undated-en")
	editor.open("/calendar?view=week&lang=fr")
}

// workflowBlackout: a date inside a declared round's blackout is warned as
// soon as it is typed, and refused on submit with the window's end, the
// text kept.
func workflowBlackout(t *testing.T, tm *testMain, author *browser) {
	web := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	day := time.Now().In(relais.DefaultLocation()).AddDate(0, 0, 40)
	require.Equal(t, 201, tm.call(web, "POST", "/api/election-rounds",
		map[string]string{"name": "Premier tour", "day": day.Format("2006-01-02"), "polls_close": "20:00"}, nil))
	author.open("/compose?lang=fr")
	author.do(chromedp.SendKeys(chromedp.CSS("#text"), "Votez dimanche !"),
		chromedp.Click(chromedp.CSS(`input[name=target][data-handle="avecanne"][data-platform="x"]`)))
	inside := day.Format("2006-01-02") + "T09:00"
	eval[bool](author, fmt.Sprintf(`(() => { const w = document.getElementById("scheduled_at"); w.value = %q; w.dispatchEvent(new Event("change")); return true; })()`, inside))
	end := day.Format("02/01/2006") + " 20:00"
	author.waitJS("the blackout warning", `!document.getElementById("when-warn").hidden`)
	require.Contains(t, author.text("#when-warn"), end)
	author.shoot("compose-blackout")
	author.do(chromedp.Click(chromedp.CSS(`#compose button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS("main .error")))
	require.Contains(t, author.text("main .error"), "Réserve électorale")
	require.Contains(t, author.text("main .error"), end)
	require.Equal(t, "Votez dimanche !", eval[string](author, `document.getElementById("text").value`))
	require.Equal(t, inside, eval[string](author, `document.getElementById("scheduled_at").value`))
	author.open("/compose?lang=en")
	eval[bool](author, fmt.Sprintf(`(() => { const w = document.getElementById("scheduled_at"); w.value = %q; w.dispatchEvent(new Event("change")); return true; })()`, inside))
	author.waitJS("the English blackout warning", `!document.getElementById("when-warn").hidden`)
	require.Contains(t, author.text("#when-warn"), "electoral blackout")
	author.shoot("compose-blackout-en")
	author.open("/compose?lang=fr")
}

// clickTo clicks sel (a link or a button that loads a page) and waits for
// the new page's element label to read want.
func (b *browser) clickTo(sel, label, want string) {
	b.t.Helper()
	b.do(chromedp.Click(chromedp.CSS(sel)))
	deadline := time.Now().Add(15 * time.Second)
	for got := ""; ; {
		ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
		got, _ = chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`(document.querySelector(%q)||{}).textContent||""`, label)))
		cancel()
		if got == want {
			return
		}
		require.True(b.t, time.Now().Before(deadline), "after clicking %s, %s reads %q, want %q", sel, label, got, want)
		time.Sleep(100 * time.Millisecond)
	}
}
