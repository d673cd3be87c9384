package tone

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
)

// labelled is one post of the labelled set.
type labelled struct {
	ID    string   `json:"id"`
	Lang  string   `json:"lang"`
	Text  string   `json:"text"`
	Rules []string `json:"rules"`
	Cue   bool     `json:"cue"`
}

func mustLoadSet(t *testing.T, path string) []labelled {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l labelled
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, l)
	}
	return out
}

var evalRules = []string{RuleAttack, RuleNegative, RuleDesintox, RuleRidicule}

// scores accumulates the evaluation of one set.
type scores struct {
	tp, fp, fn         map[string]int
	okN, okFlagged     int
	cueN, cueHit       int
	noCueN, noCueHit   int
	confusion          map[string]map[string]int
	misses, falseFlags []string
}

func newScores() *scores {
	return &scores{tp: map[string]int{}, fp: map[string]int{}, fn: map[string]int{},
		confusion: map[string]map[string]int{}}
}

// add scores one post checked under the candidate profile.
func (s *scores) add(l labelled, r Result) {
	got := rulesOf(r)
	gold := map[string]bool{}
	for _, g := range l.Rules {
		gold[g] = true
	}
	for _, rule := range evalRules {
		switch {
		case gold[rule] && got[rule]:
			s.tp[rule]++
		case got[rule]:
			s.fp[rule]++
		case gold[rule]:
			s.fn[rule]++
		}
	}
	s.addDetection(l, r)
	goldLabel := "ok"
	if len(l.Rules) > 0 {
		goldLabel = l.Rules[0]
	}
	pred := predictedLabel(goldLabel, got)
	if s.confusion[goldLabel] == nil {
		s.confusion[goldLabel] = map[string]int{}
	}
	s.confusion[goldLabel][pred]++
}

func (s *scores) addDetection(l labelled, r Result) {
	flagged := r.Verdict != VerdictOK
	switch {
	case len(l.Rules) == 0:
		s.okN++
		if flagged {
			s.okFlagged++
			s.falseFlags = append(s.falseFlags, fmt.Sprintf("%s %q → %s", l.ID, l.Text, describe(r)))
		}
	case l.Cue:
		s.cueN++
		if flagged {
			s.cueHit++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("%s [%s] %q", l.ID, l.Rules[0], l.Text))
		}
	default:
		s.noCueN++
		if flagged {
			s.noCueHit++
		}
	}
}

func describe(r Result) string {
	var b strings.Builder
	b.WriteString(r.Verdict)
	for _, v := range r.Violations {
		fmt.Fprintf(&b, " %s(%s)", v.Rule, v.MessageEN)
	}
	return b.String()
}

// predictedLabel picks the gold rule if found, else the strongest found.
func predictedLabel(gold string, got map[string]bool) string {
	if got[gold] {
		return gold
	}
	for _, r := range []string{RuleAttack, RuleRidicule, RuleDesintox, RuleNegative, RuleStyle} {
		if got[r] {
			return r
		}
	}
	return "ok"
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// wilson returns the 95% Wilson score interval of k successes out of n.
func wilson(k, n int) (lo, hi float64) {
	if n == 0 {
		return math.NaN(), math.NaN()
	}
	z, p, nf := 1.96, float64(k)/float64(n), float64(n)
	d := 1 + z*z/nf
	c := (p + z*z/(2*nf)) / d
	h := z * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf)) / d
	return max(0, c-h), min(1, c+h)
}
