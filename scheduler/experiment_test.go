package scheduler

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/riverqueue/river"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// okTone passes every text (the tone checker is not under test here).
type okTone struct{}

func (okTone) Check(string, string) (string, json.RawMessage) { return "ok", json.RawMessage(`[]`) }
func (okTone) Signals(string) (bool, bool, bool)              { return false, false, false }

type expBundle struct {
	*testBundle
	svc       *analytics.Service
	approvals *approval.Service
	editor    *relais.Member
	candidate *relais.Member
	campaign  int64
	redirect  *httptest.Server
}

func setupExperiments(t *testing.T) *expBundle { return setupExperimentsOn(t, "sqlite") }

// setupExperimentsOn is setupExperiments on a database of dialect.
func setupExperimentsOn(t *testing.T, dialect string) *expBundle {
	b := &expBundle{testBundle: setup(t, dialect, Config{SuggestBatch: 40})}
	linker, err := analytics.NewLinker(b.ctx, b.store, "https://r.example.org")
	require.NoError(t, err)
	b.sched.cfg.Links = linker
	b.approvals = approval.New(b.store, okTone{}, b.sched, nil)
	b.svc = analytics.New(b.store, linker, nil)
	b.svc.Posts, b.svc.Jobs = b.approvals, b.sched
	b.editor = b.member(t, "editor@example.org", relais.RoleEditor, "")
	b.candidate = b.member(t, "anne@example.org", relais.RoleCandidate, "")
	for i := 0; i < 200; i++ {
		b.member(t, fmt.Sprintf("c%d@example.org", i), relais.RoleColistier, fmt.Sprintf("%de", 10+i%4))
	}
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
		a := &relais.Account{Platform: relais.PlatformX, Handle: "avecanne", OwnerKind: relais.OwnerCampaign, BaseURL: "sandbox:"}
		b.campaign = a.ID
		err := tx.CreateAccount(a, nil)
		b.campaign = a.ID
		return err
	}))
	red := b.svc.Redirector()
	red.ClientIP = func(r *http.Request) string { return r.Header.Get("X-Forwarded-For") }
	mux := http.NewServeMux()
	mux.Handle("GET /l/{code}", red)
	b.redirect = httptest.NewServer(mux)
	t.Cleanup(b.redirect.Close)
	return b
}

// start creates an experiment on a draft, approves its variants as the
// candidate and runs their fan-out jobs.
func (b *expBundle) start(t *testing.T, metric string) *analytics.ExperimentView {
	ctx := relais.NewContextWithMember(b.ctx, b.editor)
	parent, err := b.approvals.CreatePost(ctx, approval.PostInput{Text: "Réunion jeudi https://paris2026.fr/jeudi", Targets: []approval.Target{{ID: b.campaign}}})
	require.NoError(t, err)
	v, err := b.svc.CreateExperiment(ctx, analytics.ExperimentInput{PostID: parent.ID, Audience: "colistiers", Sample: 0.5, Metric: metric,
		DecideAfter: "2h", Variants: []analytics.VariantInput{{Text: "Venez jeudi ! https://paris2026.fr/jeudi"}, {Text: "Jeudi, on vous attend : https://paris2026.fr/jeudi"}}})
	require.NoError(t, err)
	require.Equal(t, analytics.ExpAwaiting, v.State)
	for _, vv := range v.Variants {
		require.Equal(t, string(relais.PostInReview), vv.PostState, "each variant is approved like a post")
		p, err := b.approvals.Get(relais.NewContextWithMember(b.ctx, b.candidate), vv.PostID)
		require.NoError(t, err)
		_, err = b.approvals.Approve(relais.NewContextWithMember(b.ctx, b.candidate), vv.PostID, approval.ApproveInput{ContentHash: p.Post.ContentHash})
		require.NoError(t, err)
	}
	res, err := b.sched.client.JobList(b.ctx, river.NewJobListParams().Kinds("fan_out").First(100))
	require.NoError(t, err)
	for _, j := range res.Jobs {
		var a FanOutArgs
		require.NoError(t, json.Unmarshal(j.EncodedArgs, &a))
		require.NoError(t, (&FanOutWorker{s: b.sched}).Work(b.ctx, job(a, 1)))
	}
	v, err = b.svc.Experiment(ctx, v.ID)
	require.NoError(t, err)
	return v
}

// click clicks n distinct short links of a variant's suggestions through
// the real redirect (one person each).
func (b *expBundle) click(t *testing.T, postID int64, n int) {
	var texts []string
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) error {
		kits, err := tx.ShareKits(postID, 0, 1000)
		for _, k := range kits {
			texts = append(texts, k.Text)
		}
		return err
	}))
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for i := 0; i < n; i++ {
		code := texts[i%len(texts)][strings.Index(texts[i%len(texts)], "/l/")+3:][:analytics.CodeLen]
		req, _ := http.NewRequest("GET", b.redirect.URL+"/l/"+code, nil)
		req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.1.%d.%d", postID, i))
		res, err := c.Do(req)
		require.NoError(t, err)
		res.Body.Close()
		require.Equal(t, http.StatusFound, res.StatusCode)
	}
}

func (b *expBundle) decideJob(t *testing.T, id int64) {
	require.NoError(t, b.svc.Clicks.Flush(b.ctx)) // the flushing loop's work, every 2 s in relais serve
	require.NoError(t, (&ExperimentDecideWorker{s: b.sched}).Work(b.ctx, job(ExperimentDecideArgs{ExperimentID: id}, 1)))
}

// TestExperimentEndToEnd runs an A/B test of share texts on the sandbox:
// each variant goes to half of a district-stratified 50 % sample, clicks
// on the variants' short links decide by the z-test (B: 30 of 50, A: 5 of
// 50), and the winner goes to the rest of the colistiers, audited.
func TestExperimentEndToEnd(t *testing.T) {
	t.Parallel()
	b := setupExperiments(t)
	v := b.start(t, "clicks")
	require.Equal(t, analytics.ExpRunning, v.State)
	require.Equal(t, []int64{50, 50}, []int64{v.Variants[0].N, v.Variants[1].N})
	b.click(t, v.Variants[0].PostID, 5)
	b.click(t, v.Variants[1].PostID, 30)
	b.decideJob(t, v.ID) // the job due at decide_after
	v, err := b.svc.Experiment(relais.NewContextWithMember(b.ctx, b.editor), v.ID)
	require.NoError(t, err)
	require.Equal(t, analytics.ExpSent, v.State)
	require.Equal(t, "B", v.Winner)
	require.Less(t, *v.PValue, 0.05)
	require.Equal(t, int64(30), v.Variants[1].Successes)
	require.InDelta(t, 0.6, v.Variants[1].Rate, 1e-9)
	require.Less(t, v.Variants[1].CILow, 0.6)
	require.Greater(t, v.Variants[1].CIHigh, 0.6)
	var n int64
	var audit []relais.AuditEntry
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) (err error) {
		n, err = tx.CountSuggestions(v.Variants[1].PostID)
		audit, _ = tx.Audit(store.AuditFilter{PostID: v.PostID})
		return err
	}))
	require.EqualValues(t, 50+100, n, "the winner went to the 100 colistiers outside the sample")
	var details []string
	for _, a := range audit {
		_, params, _ := i18n.Decode(a.Detail)
		details = append(details, a.Action+" "+a.Detail+" "+params["outcome"]+" "+params["counts"])
	}
	require.Contains(t, strings.Join(details, "\n"), "experiment.winner_sent")
	require.Contains(t, strings.Join(details, "\n"), "A 5/50, B 30/50")
	b.decideJob(t, v.ID) // a second run sends nothing more
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) (err error) { n, err = tx.CountSuggestions(v.Variants[1].PostID); return err }))
	require.EqualValues(t, 150, n)
}

// TestExperimentNoDifferenceBelowMinimum decides now (editor) with 13
// successes in all: "no difference", variant A.
func TestExperimentNoDifferenceBelowMinimum(t *testing.T) {
	t.Parallel()
	b := setupExperiments(t)
	v := b.start(t, "clicks")
	b.click(t, v.Variants[0].PostID, 3)
	b.click(t, v.Variants[1].PostID, 10)
	_, err := b.svc.Decide(relais.NewContextWithMember(b.ctx, b.candidate), v.ID)
	require.Equal(t, relais.EFORBIDDEN, relais.ErrorCode(err), "deciding is for editors")
	v, err = b.svc.Decide(relais.NewContextWithMember(b.ctx, b.editor), v.ID)
	require.NoError(t, err)
	require.Equal(t, analytics.ExpDecided, v.State)
	require.Equal(t, "A", v.Winner)
	require.Contains(t, v.Outcome, "no difference")
	b.decideJob(t, v.ID) // the job Decide enqueued sends A to the rest
	v, _ = b.svc.Experiment(relais.NewContextWithMember(b.ctx, b.editor), v.ID)
	require.Equal(t, analytics.ExpSent, v.State)

	// The tested post itself, once published, leaves its colistiers to the
	// experiment: no second suggestion for them.
	actx := relais.NewContextWithMember(b.ctx, b.candidate)
	parent, err := b.approvals.Get(actx, v.PostID)
	require.NoError(t, err)
	_, err = b.approvals.Submit(relais.NewContextWithMember(b.ctx, b.editor), v.PostID)
	require.NoError(t, err)
	_, err = b.approvals.Approve(actx, v.PostID, approval.ApproveInput{ContentHash: parent.Post.ContentHash})
	require.NoError(t, err)
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) error {
		p, err := tx.PostByID(v.PostID)
		require.Equal(t, relais.PostScheduled, p.State)
		return err
	}))
	require.NoError(t, (&FanOutWorker{s: b.sched}).Work(b.ctx, job(FanOutArgs{PostID: v.PostID, ContentHash: parent.Post.ContentHash}, 1)))
	var n int64
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) (err error) { n, err = tx.CountSuggestions(v.PostID); return err }))
	require.Zero(t, n)
}

// TestExperimentBadInput checks each bad field gets a field error and
// nothing is written.
func TestExperimentBadInput(t *testing.T) {
	t.Parallel()
	b := setupExperiments(t)
	ctx := relais.NewContextWithMember(b.ctx, b.editor)
	draft, err := b.approvals.CreatePost(ctx, approval.PostInput{Text: "Réunion jeudi", Targets: []approval.Target{{ID: b.campaign}}})
	require.NoError(t, err)
	published := b.scheduledPost(t, []int64{b.campaign}, b.store.Now(), nil)
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error { return tx.SetPostState(published.ID, relais.PostPublished) }))
	ok := func() analytics.ExperimentInput {
		return analytics.ExperimentInput{PostID: draft.ID, Audience: "colistiers", Sample: 0.2, Metric: "shares", DecideAfter: "2h",
			Variants: []analytics.VariantInput{{Text: "A"}, {Text: "B"}}}
	}
	cases := map[string]func(in *analytics.ExperimentInput){
		"sample":           func(in *analytics.ExperimentInput) { in.Sample = 0.6 },
		"variants":         func(in *analytics.ExperimentInput) { in.Variants = in.Variants[:1] },
		"variants[1].text": func(in *analytics.ExperimentInput) { in.Variants[1].Text = strings.Repeat("é", 281) },
		"post_id":          func(in *analytics.ExperimentInput) { in.PostID = published.ID },
		"audience":         func(in *analytics.ExperimentInput) { in.Audience = "everyone" },
		"metric":           func(in *analytics.ExperimentInput) { in.Metric = "likes" },
		"decide_after":     func(in *analytics.ExperimentInput) { in.DecideAfter = "soon" },
	}
	for field, mutate := range cases {
		in := ok()
		mutate(&in)
		_, err := b.svc.CreateExperiment(ctx, in)
		require.Equal(t, relais.EINVALID, relais.ErrorCode(err), field)
		require.Equal(t, field, relais.ErrorField(err), field)
	}
	in := ok()
	in.Sample = 0
	_, err = b.svc.CreateExperiment(ctx, in)
	require.Equal(t, "sample", relais.ErrorField(err))
	posts, err := b.approvals.Posts(ctx, store.PostFilter{})
	require.NoError(t, err)
	require.Len(t, posts, 2, "no variant post was written")
	var exp *store.Experiment
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) (err error) { exp, err = tx.ExperimentOfPost(draft.ID); return err }))
	require.Nil(t, exp)
}
