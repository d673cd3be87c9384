package tone

import (
	"os"
	"testing"
)

// Floors of the second development set (testdata/dev2, written by the
// tuner from the rule definitions with its own names; not blind). A change
// that drops below them fails.
const (
	dev2MinRecall     = 0.95
	dev2MaxFalseFlags = 0.02
	dev2MinRuleRecall = 0.90
)

// TestDev2Eval scores testdata/dev2 under the candidate profile and
// asserts the floors. With RELAIS_TONE_DEV2_MISSES=1 it lists the misses
// and false flags of this (non-blind) set.
func TestDev2Eval(t *testing.T) {
	set, err := loadBlindSet("testdata/dev2")
	if err != nil {
		t.Fatal(err)
	}
	all, _ := evalBlind(set.engine, set.posts)
	t.Logf("DEV2 n=%d %s\n%s", len(set.posts), all.summary(), all.details())
	for _, f := range all.failures(dev2MinRecall, dev2MaxFalseFlags, dev2MinRuleRecall) {
		t.Errorf("dev2: %s", f)
	}
	if os.Getenv("RELAIS_TONE_DEV2_MISSES") != "1" {
		return
	}
	for _, p := range set.posts {
		got := rulesOf(set.engine.Check(p.Text, ProfileCandidate))
		for _, g := range p.Rules {
			if !got[g] {
				t.Logf("MISS %s %v: %s", g, keys(got), p.Text)
			}
		}
		if len(p.Rules) == 0 && len(got) > 0 {
			t.Logf("FALSE %v: %s", keys(got), p.Text)
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
