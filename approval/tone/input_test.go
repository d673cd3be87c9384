package tone

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestEmptyText(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	r := e.Check("", ProfileCandidate)
	b, _ := json.Marshal(r)
	if string(b) != `{"verdict":"ok","violations":[]}` {
		t.Fatalf("got %s", b)
	}
}

func TestInvalidUTF8(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	text := "Lacombe\xffment \xc3 encore"
	r := e.Check(text, ProfileCandidate)
	if !r.InvalidUTF8 || !r.Has(RuleAttack) {
		t.Fatalf("got %+v", r)
	}
	for _, v := range r.Violations {
		for _, sp := range v.Spans {
			if text[sp.Start:sp.End] != "Lacombe" && text[sp.Start:sp.End] != "ment" {
				t.Errorf("span %q", text[sp.Start:sp.End])
			}
		}
	}
}

func TestLargeText(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	unit := "Avec Lacombe, ce sera le chaos 😂 ; nous proposons des crèches, « vraiment » !!! "
	text := strings.Repeat(unit, 100*1024/len(unit)+1)
	start := time.Now()
	r := e.Check(text, ProfileCandidate)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("100 KB took %v", d)
	}
	if r.Verdict != VerdictBlock || len(r.Violations) > maxViolations {
		t.Fatalf("verdict %s with %d violations", r.Verdict, len(r.Violations))
	}
	clean := strings.Repeat("Nous proposons des crèches et des parcs pour toutes les familles. ", 1600)
	if r := e.Check(clean, ProfileCandidate); r.Verdict != VerdictOK {
		t.Fatalf("clean 100 KB: %s", r.Verdict)
	}
}

func TestConcurrentChecks(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func() {
			ok := true
			for i := 0; i < 200; i++ {
				ok = ok && e.Check("Lacombe ment.", ProfileCandidate).Verdict == VerdictBlock &&
					e.Check("Merci Claire Morel.", ProfileCandidate).Verdict == VerdictOK
			}
			done <- ok
		}()
	}
	for g := 0; g < 8; g++ {
		if !<-done {
			t.Error("wrong verdict under concurrency")
		}
	}
}

// TestPathologicalText feeds 100 KB single sentences dense in cues,
// names, quotes and capitals: the check must stay near-linear. It compares
// a sixteenth of the text with half of it (best of three each, so that a
// loaded machine or the race detector does not decide): linear work grows
// 8 times, quadratic work 64 times; the bound is 24. The whole 100 KB then
// must take at most 16 times its half: at that size the pooled buffers are
// outgrown and allocation adds a step (about 3 to 10 times measured).
//
// Not parallel: it runs before the package's parallel tests, so that they
// do not share its CPU while it is timed.
func TestPathologicalText(t *testing.T) {
	e := MustEngine(t)
	for _, unit := range []string{
		"LACOMBE MENT FAUX dit « plan » ",
		"\"a\" Lacombe \"b\" ",
		"intox faux ils certains 😂 ",
		"ne pas ni sans jamais honnête Lacombe ",
	} {
		n := 100*1024/len(unit) + 1
		check := func(text string) { e.Check(text, ProfileCandidate); e.Signals(text) }
		small := bestOf3(check, strings.Repeat(unit, n/16))
		half := bestOf3(check, strings.Repeat(unit, n/2))
		whole := bestOf3(check, strings.Repeat(unit, n))
		if half > 24*small+20*time.Millisecond || whole > 16*half+50*time.Millisecond {
			t.Errorf("%q: ×%d took %v, ×%d %v, ×%d %v: not linear", unit, n/16, small, n/2, half, n, whole)
		}
	}
}

// bestOf3 returns the shortest of three runs of f on text.
func bestOf3(f func(string), text string) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 3 {
		start := time.Now()
		f(text)
		best = min(best, time.Since(start))
	}
	return best
}
