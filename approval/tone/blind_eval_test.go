package tone

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The blind evaluation. Every folder testdata/blind/*/ holds a labelled set
// written by someone who never saw the engine: config.yaml (its own
// opponents and own team), posts.jsonl and a README. Whoever tunes the
// engine must never read those texts, so this harness prints aggregates
// only: never a text, an id or a note, not even on a parse error.

// Thresholds of issue 10 for every blind set (candidate profile). They
// are asserted when RELAIS_TONE_BLIND_STRICT=1; by default the harness
// asserts the regression floors below so that the suite stays green while
// the targets are not met, and says which targets are missed. A
// change that lowers a set below its floor fails. The first engine frozen
// on 2 December 2026 measured recall 0.82–0.87, false flags 0.04–0.06,
// rules >= 0.63 on sets A and B, and recall 0.72, false flags 0.05, rules
// >= 0.48 on set C (written after that freeze). The second round, which
// used the aggregates of A, B and C as checks (so none of them is blind
// for it), measured recall 0.79–0.91, false flags 0.03–0.05, rules >= 0.61
// (docs/TONE.md). Set D, written blind after that second freeze, measured
// recall 0.76, false flags 0.03, rules >= 0.53. The third round (built-in
// prior; A, B and C became development data, D was held out and read as
// aggregates only) measured recall 0.87, false flags 0.04, rules >= 0.65
// on D and higher on the others. Sets E and F, written blind after that
// freeze (c4d0029) and never read by a tuner, measured recall 0.76 and
// 0.87, false flags 0.02 and 0.05, rules >= 0.43 (negative on E). In the
// fourth round A-F are all development data (the prior learns from them);
// leave-one-source-out cross-validation gave recall >= 0.87, false flags
// <= 0.08, rules >= 0.62 on each held-out set, so the floors rise to
// recall 0.85 and rules 0.60 (false flags stay at 0.06). Sets G and H,
// written blind after the fourth freeze, measured recall 0.93, false
// flags 0.05-0.06, rules >= 0.66. In the fifth round A-H are development
// data; leave-one-source-out cross-validation gave recall >= 0.92, false
// flags <= 0.05 and rules >= 0.70 on each held-out set, so the floors rise
// to recall 0.88 and rules 0.65. Sets I and J, written blind after the
// fifth freeze, measured recall 0.96, false flags 0.084 (I) and 0.040 (J),
// rules >= 0.81: the false-flag floor moves to 0.09 to hold set I. Sets
// K and L, written blind after the sixth freeze, measured recall
// 0.95-0.96, false flags 0.03, rules >= 0.78: every target met, and
// every set A-L meets them with the sixth engine, so the floors become
// the targets (recall 0.90 keeps a margin under K's 0.95).
const (
	blindMinRecall     = 0.85
	blindMaxFalseFlags = 0.05
	blindMinRuleRecall = 0.75

	floorRecall     = 0.90
	floorFalseFlags = 0.05
	floorRuleRecall = 0.75
)

// strictBlind reports whether the thresholds are asserted.
func strictBlind() bool { return os.Getenv("RELAIS_TONE_BLIND_STRICT") == "1" }

// blindPost is one line of a blind set's posts.jsonl.
type blindPost struct {
	ID    string   `json:"id"`
	Lang  string   `json:"lang"`
	Text  string   `json:"text"`
	Rules []string `json:"rules"`
	Trap  any      `json:"trap"`
}

// blindSet is a loaded blind set.
type blindSet struct {
	name   string
	engine *Engine
	posts  []blindPost
}

// agg holds aggregate counts only.
type agg struct {
	violN, violHit int // posts with gold rules; of them flagged (verdict != ok)
	okN, okFlagged int // posts with no gold rule; of them flagged
	ruleN, ruleHit map[string]int
	ruleFP         map[string]int            // rule predicted on a post without it in gold
	confusion      map[string]map[string]int // gold rule → predicted rule (or "ok"/"other")
}

func newAgg() *agg {
	return &agg{ruleN: map[string]int{}, ruleHit: map[string]int{}, ruleFP: map[string]int{},
		confusion: map[string]map[string]int{}}
}

// add scores one post: gold rules against the verdict and predicted rules.
func (a *agg) add(gold []string, r Result) {
	got := rulesOf(r)
	flagged := r.Verdict != VerdictOK
	if len(gold) == 0 {
		a.okN++
		if flagged {
			a.okFlagged++
		}
	} else {
		a.violN++
		if flagged {
			a.violHit++
		}
	}
	g := map[string]bool{}
	for _, rule := range gold {
		g[rule] = true
	}
	for _, rule := range evalRules {
		if !g[rule] && got[rule] {
			a.ruleFP[rule]++
		}
	}
	for rule := range g {
		a.ruleN[rule]++
		if got[rule] {
			a.ruleHit[rule]++
		}
		a.confuse(rule, got, flagged)
	}
	if len(gold) == 0 {
		a.confuse("ok", got, flagged)
	}
}

// confuse counts, for gold label g, each predicted violation rule, or "ok".
func (a *agg) confuse(g string, got map[string]bool, flagged bool) {
	if a.confusion[g] == nil {
		a.confusion[g] = map[string]int{}
	}
	if !flagged {
		a.confusion[g]["ok"]++
		return
	}
	for rule := range got {
		a.confusion[g][rule]++
	}
}

// summary is the one-line aggregate of a.
func (a *agg) summary() string {
	var b strings.Builder
	lo, hi := wilson(a.violHit, a.violN)
	fmt.Fprintf(&b, "recall %d/%d=%.3f [%.2f,%.2f]", a.violHit, a.violN, ratio(a.violHit, a.violN), lo, hi)
	lo, hi = wilson(a.okFlagged, a.okN)
	fmt.Fprintf(&b, " false-flags %d/%d=%.3f [%.2f,%.2f]", a.okFlagged, a.okN, ratio(a.okFlagged, a.okN), lo, hi)
	for _, r := range evalRules {
		lo, hi = wilson(a.ruleHit[r], a.ruleN[r])
		fmt.Fprintf(&b, " %s %d/%d=%.2f [%.2f,%.2f]", r, a.ruleHit[r], a.ruleN[r], ratio(a.ruleHit[r], a.ruleN[r]), lo, hi)
	}
	return b.String()
}

// details renders the per-rule false predictions and the confusion counts.
func (a *agg) details() string {
	var b strings.Builder
	b.WriteString("  rule predicted without gold:")
	for _, r := range evalRules {
		fmt.Fprintf(&b, " %s=%d", r, a.ruleFP[r])
	}
	b.WriteString("\n  confusion (gold → predicted rules, a post may count in several columns):\n")
	cols := append([]string{"ok"}, evalRules...)
	cols = append(cols, RuleStyle, RuleObfuscation)
	fmt.Fprintf(&b, "  %-9s", "")
	for _, c := range cols {
		fmt.Fprintf(&b, "%12s", c)
	}
	b.WriteString("\n")
	for _, g := range append([]string{"ok"}, evalRules...) {
		fmt.Fprintf(&b, "  %-9s", g)
		for _, c := range cols {
			fmt.Fprintf(&b, "%12d", a.confusion[g][c])
		}
		b.WriteString("\n")
	}
	return b.String()
}

// failures lists the thresholds a misses: minimum recall, maximum false
// flags, minimum per-rule recall.
func (a *agg) failures(minRecall, maxFF, minRule float64) []string {
	var out []string
	if r := ratio(a.violHit, a.violN); !(r >= minRecall) {
		out = append(out, fmt.Sprintf("recall %.3f < %.2f", r, minRecall))
	}
	if r := ratio(a.okFlagged, a.okN); !(r <= maxFF) {
		out = append(out, fmt.Sprintf("false flags %.3f > %.2f", r, maxFF))
	}
	for _, rule := range evalRules {
		if a.ruleN[rule] == 0 {
			continue
		}
		if r := ratio(a.ruleHit[rule], a.ruleN[rule]); r < minRule {
			out = append(out, fmt.Sprintf("%s recall %.2f < %.2f", rule, r, minRule))
		}
	}
	return out
}

// loadBlindSets loads every testdata/blind/*/ folder that has a config.yaml
// and a posts.jsonl. Errors name the set, the file and the line only.
func loadBlindSets(t *testing.T) []blindSet {
	t.Helper()
	dirs, _ := filepath.Glob(filepath.Join("testdata", "blind", "*"))
	sort.Strings(dirs)
	var sets []blindSet
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		set, err := loadBlindSet(dir)
		if err != nil {
			t.Errorf("blind set %s: %v", filepath.Base(dir), err)
			continue
		}
		sets = append(sets, set)
	}
	return sets
}

func loadBlindSet(dir string) (blindSet, error) {
	set := blindSet{name: filepath.Base(dir)}
	cfg, err := LoadConfig(filepath.Join(dir, "config.yaml"))
	if err != nil {
		return set, blindConfigError(err)
	}
	if set.engine, err = New(cfg); err != nil {
		return set, blindConfigError(err)
	}
	set.posts, err = loadBlindPosts(filepath.Join(dir, "posts.jsonl"))
	return set, err
}

// blindConfigError keeps only the line and field of a configuration error:
// its message may quote the set's names.
func blindConfigError(err error) error {
	var ce *ConfigError
	if errors.As(err, &ce) {
		return fmt.Errorf("config.yaml: line %d: field %s: invalid", ce.Line, ce.Field)
	}
	return errors.New("config.yaml: cannot be loaded")
}

func loadBlindPosts(path string) ([]blindPost, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, errors.New("posts.jsonl: cannot be opened")
	}
	defer f.Close()
	var out []blindPost
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p blindPost
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("posts.jsonl: line %d is not a JSON post", line)
		}
		out = append(out, p)
	}
	if sc.Err() != nil {
		return nil, errors.New("posts.jsonl: read error")
	}
	return out, nil
}

// evalBlind scores set with e (the set's engine unless trained otherwise):
// overall and per language.
func evalBlind(e *Engine, posts []blindPost) (all *agg, byLang map[string]*agg) {
	all, byLang = newAgg(), map[string]*agg{}
	for _, p := range posts {
		r := e.Check(p.Text, ProfileCandidate)
		all.add(p.Rules, r)
		if byLang[p.Lang] == nil {
			byLang[p.Lang] = newAgg()
		}
		byLang[p.Lang].add(p.Rules, r)
	}
	return all, byLang
}

// TestBlindEval scores every blind set with its own configuration under
// the candidate profile and asserts the thresholds of issue 10. It prints
// aggregates only.
func TestBlindEval(t *testing.T) {
	sets := loadBlindSets(t)
	if len(sets) == 0 {
		t.Skip("no blind set under testdata/blind/")
	}
	for _, set := range sets {
		all, byLang := evalBlind(set.engine, set.posts)
		fails := all.failures(blindMinRecall, blindMaxFalseFlags, blindMinRuleRecall)
		status := "PASS"
		if len(fails) > 0 {
			status = "BELOW-TARGET"
		}
		t.Logf("BLIND set=%s n=%d %s %s", set.name, len(set.posts), status, all.summary())
		langs := make([]string, 0, len(byLang))
		for l := range byLang {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, l := range langs {
			t.Logf("  set=%s lang=%s n=%d %s", set.name, l, byLang[l].violN+byLang[l].okN, byLang[l].summary())
		}
		t.Logf("set=%s\n%s", set.name, all.details())
		for _, f := range fails {
			t.Logf("blind set %s misses the issue's target: %s", set.name, f)
		}
		if !strictBlind() {
			fails = all.failures(floorRecall, floorFalseFlags, floorRuleRecall)
		}
		for _, f := range fails {
			t.Errorf("blind set %s: %s", set.name, f)
		}
	}
	crossTrain(t, sets)
}

// crossTrain trains the examples model on each blind set and judges every
// other one with it: recall should rise and false flags stay <= 0.05.
func crossTrain(t *testing.T, sets []blindSet) {
	for _, from := range sets {
		examples := make([]Example, len(from.posts))
		for i, p := range from.posts {
			examples[i] = Example{Text: p.Text, Label: "ok"}
			if len(p.Rules) > 0 {
				examples[i].Label = p.Rules[0]
			}
		}
		m, err := from.engine.Train(examples)
		if err != nil {
			t.Errorf("cross-training on set %s: invalid label", from.name)
			continue
		}
		for _, to := range sets {
			if to.name == from.name {
				continue
			}
			before, _ := evalBlind(to.engine, to.posts)
			after, _ := evalBlind(to.engine.WithModel(m), to.posts)
			t.Logf("CROSS train=%s judge=%s recall %.3f -> %.3f, false flags %.3f -> %.3f | after: %s", from.name, to.name,
				ratio(before.violHit, before.violN), ratio(after.violHit, after.violN),
				ratio(before.okFlagged, before.okN), ratio(after.okFlagged, after.okN), after.summary())
			if after.violHit < before.violHit {
				t.Errorf("cross-training %s -> %s lowered recall", from.name, to.name)
			}
			ff, ff0 := ratio(after.okFlagged, after.okN), ratio(before.okFlagged, before.okN)
			if ff > blindMaxFalseFlags && (strictBlind() || ff > ff0) {
				t.Errorf("cross-training %s -> %s: false flags %.3f > %.2f (%.3f without it)", from.name, to.name, ff, blindMaxFalseFlags, ff0)
			}
		}
	}
}

// TestDevAggregate prints the blind harness's aggregates on the development
// sets (dev.jsonl and test.jsonl, 264 posts, testdata/config.yaml): the
// numbers docs/TONE.md compares before and after the rebuild.
func TestDevAggregate(t *testing.T) {
	e := MustEngine(t)
	for _, name := range []string{"dev", "test"} {
		set := mustLoadSet(t, "testdata/"+name+".jsonl")
		posts := make([]blindPost, len(set))
		for i, l := range set {
			posts[i] = blindPost{Lang: l.Lang, Text: l.Text, Rules: l.Rules}
		}
		all, byLang := evalBlind(e, posts)
		t.Logf("DEV set=%s n=%d %s", name, len(posts), all.summary())
		for _, l := range []string{"fr", "en"} {
			if byLang[l] != nil {
				t.Logf("  set=%s lang=%s %s", name, l, byLang[l].summary())
			}
		}
		t.Logf("set=%s\n%s", name, all.details())
	}
}
