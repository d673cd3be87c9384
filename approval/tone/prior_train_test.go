package tone

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Training and validation of the built-in prior (prior.go). The prior is
// learnt from the development sources only: dev.jsonl + test.jsonl, dev2
// and the former blind sets A to J (A-C read in the third round, D-F in
// the fourth, G-H in the fifth, I-J in the sixth, so no longer blind).
//
//	RELAIS_TONE_PRIOR_CV=1 go test ./approval/tone/ -run TestPriorCV -v
//	RELAIS_TONE_GEN_PRIOR=1 go test ./approval/tone/ -run TestGeneratePrior
//
// TestPriorCV trains on all sources but one and judges the one left out,
// for several thresholds: the honest estimate of what the prior adds on a
// race it has never seen. TestGeneratePrior trains on all of them and
// writes data/prior.tsv.

// Hyper-parameters of the prior, chosen by TestPriorCV.
var (
	priorMinSources = 2    // a feature must occur in this many sources
	priorMinCount   = 3    // and in this many posts
	priorL2         = 1e-4 // L2 penalty per update
	priorEpochs     = 10   // few passes: early stopping against overfitting
	priorRate       = 0.1
)

// priorThresholds are the logit thresholds per rule written in the file.
var priorThresholds = [4]float64{-1, -1, -0.5, -1.5}

// priorFlagged is added to the thresholds, per rule, on a post the rules
// flagged.
var priorFlagged = [4]float64{0.5, 0, 0.5, 0.5}

// priorUntargeted is added to the thresholds on a post with no target.
const priorUntargeted = 2.0

// priorSource is one development source: an engine with its own names and
// its posts.
type priorSource struct {
	name   string
	engine *Engine
	posts  []blindPost
}

func loadPriorSources(t *testing.T) []priorSource {
	t.Helper()
	var out []priorSource
	cfg, err := LoadConfig("testdata/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	dev := priorSource{name: "dev", engine: e}
	for _, f := range []string{"testdata/dev.jsonl", "testdata/test.jsonl"} {
		p, err := loadBlindPosts(f)
		if err != nil {
			t.Fatal(err)
		}
		dev.posts = append(dev.posts, p...)
	}
	out = append(out, dev)
	for _, dir := range []string{"testdata/dev2", "testdata/blind/a", "testdata/blind/b", "testdata/blind/c", "testdata/blind/d", "testdata/blind/e", "testdata/blind/f", "testdata/blind/g", "testdata/blind/h", "testdata/blind/i", "testdata/blind/j"} {
		set, err := loadBlindSet(dir)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, priorSource{name: filepath.Base(dir), engine: set.engine, posts: set.posts})
	}
	return out
}

// priorDoc is one post as the learner sees it.
type priorDoc struct {
	feats []string
	gold  [4]bool
	src   int
}

// docFeatures returns the unigram and bigram features of text under e,
// exactly as priorScores hashes them.
func docFeatures(e *Engine, text string) []string {
	s := e.getScratch()
	defer e.putScratch(s)
	e.analyze(s, text)
	var words []string
	e.priorWords(s, func(w []byte) { words = append(words, string(w)) })
	feats := make([]string, 0, 2*len(words))
	for i, w := range words {
		feats = append(feats, w)
		if i > 0 {
			feats = append(feats, words[i-1]+" "+w)
		}
	}
	return feats
}

func priorDocs(srcs []priorSource) []priorDoc {
	var docs []priorDoc
	for si, src := range srcs {
		for _, p := range src.posts {
			d := priorDoc{feats: docFeatures(src.engine, p.Text), src: si}
			for _, r := range p.Rules {
				if k, ok := ruleByName(r); ok && k <= ruleRidicule {
					d.gold[k] = true
				}
			}
			docs = append(docs, d)
		}
	}
	return docs
}

// trainedPrior is a learnt prior with readable features.
type trainedPrior struct {
	bias [4]float64
	w    map[string][4]float64
}

// trainPrior learns four logistic regressions on docs (Adagrad, L2),
// keeping only features seen in priorMinSources sources.
func trainPrior(docs []priorDoc) trainedPrior {
	srcMask, count := map[string]uint32{}, map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, f := range d.feats {
			srcMask[f] |= 1 << d.src
			if !seen[f] {
				count[f]++
				seen[f] = true
			}
		}
	}
	var vocab []string
	for f, m := range srcMask {
		if bits.OnesCount32(m) >= priorMinSources && count[f] >= priorMinCount {
			vocab = append(vocab, f)
		}
	}
	sort.Strings(vocab)
	id := make(map[string]int, len(vocab))
	for i, f := range vocab {
		id[f] = i
	}
	xs := make([][]int, len(docs))
	for i, d := range docs {
		for _, f := range d.feats {
			if k, ok := id[f]; ok {
				xs[i] = append(xs[i], k)
			}
		}
	}
	out := trainedPrior{w: map[string][4]float64{}}
	for r := 0; r < 4; r++ {
		b, w := logistic(docs, xs, r, len(vocab))
		out.bias[r] = b
		for k, v := range w {
			ws := out.w[vocab[k]]
			ws[r] = v
			out.w[vocab[k]] = ws
		}
	}
	return out
}

// logistic fits one rule against the rest.
func logistic(docs []priorDoc, xs [][]int, r, n int) (float64, []float64) {
	w, g := make([]float64, n), make([]float64, n)
	var b, gb float64
	order := rand.New(rand.NewSource(1)).Perm(len(docs))
	for ep := 0; ep < priorEpochs; ep++ {
		for _, i := range order {
			z := b
			for _, k := range xs[i] {
				z += w[k]
			}
			y := 0.0
			if docs[i].gold[r] {
				y = 1
			}
			grad := 1/(1+math.Exp(-z)) - y
			gb += grad * grad
			b -= priorRate * grad / math.Sqrt(gb+1e-8)
			for _, k := range xs[i] {
				gk := grad + priorL2*w[k]
				g[k] += gk * gk
				w[k] -= priorRate * gk / math.Sqrt(g[k]+1e-8)
			}
		}
	}
	return b, w
}

// model turns tp into a runtime prior with thresholds th.
func (tp trainedPrior) model(th [4]float64) *priorModel {
	m := &priorModel{w: map[uint64][ruleRidicule + 1]float32{}}
	for r := 0; r < 4; r++ {
		m.bias[r], m.thresh[r] = float32(tp.bias[r]), float32(th[r])
		m.untargeted[r] = float32(untargetedExtra)
		m.flagged[r] = float32(flaggedExtra[r])
	}
	for f, ws := range tp.w {
		var v [ruleRidicule + 1]float32
		for r := range v {
			v[r] = float32(ws[r])
		}
		m.w[priorHash([]byte(f))] = v
	}
	return m
}

// judged is one held-out post: the rules' result and the prior's logits.
type judged struct {
	lang    string
	gold    []string
	rules   map[string]bool
	flagged bool
	target  bool
	applies bool // priorApplies
	short   bool // fewer than priorShortWords tokens
	selfFix bool // selfCorrection: the prior adds no désintox
	praise  bool // plainPraise: ridicule needs priorPraiseExtra more
	z       [ruleRidicule + 1]float32
}

func judgeWith(e *Engine, m *priorModel, posts []blindPost) []judged {
	bare := e.WithModel(e.model)
	bare.prior = nil
	out := make([]judged, len(posts))
	for i, p := range posts {
		r := bare.Check(p.Text, ProfileCandidate)
		j := judged{lang: p.Lang, gold: p.Rules, rules: rulesOf(r), flagged: r.Verdict != VerdictOK}
		s := e.getScratch()
		e.analyze(s, p.Text)
		for k := range s.units {
			j.target = j.target || s.units[k].target
		}
		j.z = e.priorScores(s, m)
		j.applies = s.priorApplies()
		j.short = len(s.toks) < priorShortWords
		j.selfFix = s.selfCorrection()
		j.praise = s.plainPraise()
		e.putScratch(s)
		out[i] = j
	}
	return out
}

// flaggedExtra is added, per rule, to the threshold on a post the rules
// flagged (the prior then only adds a rule the rules did not name).
var flaggedExtra = priorFlagged

// untargetedExtra is added to the threshold on a post without a target.
var untargetedExtra = priorUntargeted

// simulate scores js as if the prior warned at thresholds th (nil: no prior).
func simulate(js []judged, th *[4]float64) *agg {
	return simulateLang(js, th, "")
}

// simulateLang is simulate restricted to posts in lang ("" for all).
func simulateLang(js []judged, th *[4]float64, lang string) *agg {
	a := newAgg()
	for _, j := range js {
		if lang != "" && j.lang != lang {
			continue
		}
		res := Result{Verdict: VerdictOK}
		if j.flagged {
			res.Verdict = VerdictBlock
		}
		for r := range j.rules {
			res.Violations = append(res.Violations, Violation{Rule: r})
		}
		for r := 0; th != nil && j.applies && r < 4; r++ {
			lim := th[r]
			if j.flagged {
				lim += flaggedExtra[r]
			}
			if !j.target {
				lim += untargetedExtra
			}
			if j.short {
				lim += float64(priorShortExtra)
			}
			if j.praise {
				lim += float64(priorPraiseExtra)
			}
			if float64(j.z[r]) >= lim && !j.rules[ruleNames[r]] && !(r == int(ruleDesintox) && j.selfFix) {
				res.Violations = append(res.Violations, Violation{Rule: ruleNames[r]})
				if res.Verdict == VerdictOK {
					res.Verdict = VerdictWarn
				}
			}
		}
		a.add(j.gold, res)
	}
	return a
}

// TestPriorCV trains on every source but one and judges the one left out.
func TestPriorCV(t *testing.T) {
	if os.Getenv("RELAIS_TONE_PRIOR_CV") != "1" {
		t.Skip("set RELAIS_TONE_PRIOR_CV=1")
	}
	if hp := os.Getenv("RELAIS_TONE_PRIOR_HP"); hp != "" {
		fmt.Sscanf(hp, "%d,%d,%g,%d,%g", &priorMinSources, &priorMinCount, &priorL2, &priorEpochs, &priorRate)
	}
	fmt.Sscanf(os.Getenv("RELAIS_TONE_PRIOR_EXTRA"), "%g", &untargetedExtra)
	fe := &flaggedExtra
	fmt.Sscanf(os.Getenv("RELAIS_TONE_PRIOR_FLAGGED"), "%g,%g,%g,%g", &fe[0], &fe[1], &fe[2], &fe[3])
	fmt.Sscanf(os.Getenv("RELAIS_TONE_PRIOR_PRAISE"), "%g", &priorPraiseExtra)
	fmt.Sscanf(os.Getenv("RELAIS_TONE_PRIOR_SHORT"), "%d,%g", &priorShortWords, &priorShortExtra)
	off := priorThresholds
	fmt.Sscanf(os.Getenv("RELAIS_TONE_PRIOR_TH"), "%g,%g,%g,%g", &off[0], &off[1], &off[2], &off[3])
	at := func(th float64) *[4]float64 {
		return &[4]float64{off[0] + th, off[1] + th, off[2] + th, off[3] + th}
	}
	srcs := loadPriorSources(t)
	docs := priorDocs(srcs)
	grid := []float64{-1, -0.5, 0, 0.5, 1, 2}
	pooled := map[float64][]judged{}
	for si, src := range srcs {
		var train []priorDoc
		for _, d := range docs {
			if d.src != si {
				train = append(train, d)
			}
		}
		tp := trainPrior(train)
		js := judgeWith(src.engine, tp.model([4]float64{}), src.posts)
		t.Logf("CV held-out=%s base: %s", src.name, simulate(js, nil).summary())
		for _, lang := range []string{"fr", "en"} {
			t.Logf("  lang=%s base: %s", lang, simulateLang(js, nil, lang).summary())
			t.Logf("  lang=%s prior: %s", lang, simulateLang(js, at(0), lang).summary())
		}
		for _, th := range grid {
			t.Logf("  th=%.1f %s", th, simulate(js, at(th)).summary())
			pooled[th] = append(pooled[th], js...)
		}
	}
	t.Logf("CV pooled base: %s", simulate(pooled[0], nil).summary())
	for r := 0; r < 4; r++ {
		for _, th := range []float64{-1, -0.5, 0.5} {
			thr := [4]float64{}
			thr[r] = th
			t.Logf("  rule %s th=%.1f pooled %s", ruleNames[r], th, simulate(pooled[0], &thr).summary())
		}
	}
	for _, th := range grid {
		a := simulate(pooled[th], at(th))
		t.Logf("  pooled th=%.1f %s rule-without-gold %v", th, a.summary(), a.ruleFP)
		t.Logf("  pooled-fr th=%.1f %s", th, simulateLang(pooled[th], at(th), "fr").summary())
		t.Logf("  pooled-en th=%.1f %s", th, simulateLang(pooled[th], at(th), "en").summary())
	}
}

// TestGeneratePrior trains on every development source and writes
// data/prior.tsv.
func TestGeneratePrior(t *testing.T) {
	if os.Getenv("RELAIS_TONE_GEN_PRIOR") != "1" {
		t.Skip("set RELAIS_TONE_GEN_PRIOR=1")
	}
	text := renderPrior(trainPrior(priorDocs(loadPriorSources(t))))
	if err := os.WriteFile("data/prior.tsv", []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPriorFileIsCurrent: the embedded prior is what the development sets
// and the generator give today (training is deterministic).
func TestPriorFileIsCurrent(t *testing.T) {
	text := renderPrior(trainPrior(priorDocs(loadPriorSources(t))))
	if text != string(priorData) {
		t.Error("data/prior.tsv is stale: run RELAIS_TONE_GEN_PRIOR=1 go test ./approval/tone/ -run TestGeneratePrior")
	}
}

// renderPrior writes tp in the format parsePrior reads.
func renderPrior(tp trainedPrior) string {
	var b strings.Builder
	b.WriteString("# Built-in tone prior, generated by TestGeneratePrior (prior_train_test.go)\n")
	b.WriteString("# from the development sources dev+test, dev2, A-J (names as placeholders).\n")
	b.WriteString("# feature\tattack\tnegative\tdesintox\tridicule (logistic weights)\n")
	row := func(f string, ws [4]float64) {
		fmt.Fprintf(&b, "%s\t%.3f\t%.3f\t%.3f\t%.3f\n", f, ws[0], ws[1], ws[2], ws[3])
	}
	row("<bias>", tp.bias)
	row("<threshold>", priorThresholds)
	row("<untargeted>", [4]float64{priorUntargeted, priorUntargeted, priorUntargeted, priorUntargeted})
	row("<flagged>", priorFlagged)
	feats := make([]string, 0, len(tp.w))
	for f, ws := range tp.w {
		if math.Abs(ws[0])+math.Abs(ws[1])+math.Abs(ws[2])+math.Abs(ws[3]) >= 0.02 {
			feats = append(feats, f)
		}
	}
	sort.Strings(feats)
	for _, f := range feats {
		row(f, tp.w[f])
	}
	return b.String()
}
