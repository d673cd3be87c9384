package tone

import (
	"slices"
	"strings"
	"testing"
)

// TestPriorFeaturesUsePlaceholders: the prior never sees a name, only the
// role it plays, and numbers as "0".
func TestPriorFeaturesUsePlaceholders(t *testing.T) {
	e := MustEngine(t)
	got := docFeatures(e, "Bernard Lacombe promet 300 crèches ; Anne Dumas les finance ?")
	for _, want := range []string{placeholderOp, placeholderOp + " promet", "0", placeholderUs, "?"} {
		if !slices.Contains(got, want) {
			t.Errorf("features %q lack %q", got, want)
		}
	}
	for _, f := range got {
		if strings.Contains(f, "lacombe") || strings.Contains(f, "dumas") || strings.Contains(f, "300") {
			t.Errorf("feature %q keeps a name or a number", f)
		}
	}
}

// tinyPrior is a hand-written prior: "parapluie" weighs towards negative.
func tinyPrior() *priorModel {
	return parsePrior([]byte("# test\n<bias>\t-5\t-5\t-5\t-5\n<threshold>\t0\t0\t0\t0\n" +
		"<untargeted>\t3\t3\t3\t3\n<flagged>\t1\t1\t1\t1\nparapluie\t0\t6\t0\t0\n"))
}

// TestPriorOnlyWarns: the prior adds a warning, never a block, on a post
// the rules let through, and keeps out of short posts, posts of goodwill
// and posts whose cue the rules saw negated.
func TestPriorOnlyWarns(t *testing.T) {
	e := MustEngine(t)
	e.prior = tinyPrior()
	cases := []struct {
		text string
		want string
	}{
		{"Avec Bernard Lacombe aux commandes, le marché couvert est devenu un parapluie pour les riverains.", VerdictWarn},
		{"Lacombe, parapluie ?", VerdictOK}, // too short
		{"Le marché couvert est devenu un parapluie pour les riverains du quartier depuis deux ans.", VerdictOK},    // no target: higher bar
		{"Lacombe a raison : le marché couvert est devenu un parapluie pour les riverains du quartier.", VerdictOK}, // goodwill
	}
	for _, c := range cases {
		r := e.Check(c.text, ProfileCandidate)
		if r.Verdict != c.want {
			t.Errorf("%q: verdict %s, want %s (%v)", c.text, r.Verdict, c.want, rulesOf(r))
		}
		for _, v := range r.Violations {
			if v.Severity == SeverityBlock && v.Rule == RuleNegative {
				t.Errorf("%q: the prior blocked", c.text)
			}
		}
	}
	e.prior = nil
	if r := e.Check(cases[0].text, ProfileCandidate); r.Verdict != VerdictOK {
		t.Errorf("without the prior the first post is %s: the test no longer tests the prior", r.Verdict)
	}
}

// TestPriorCheckAllocatesNothing: scoring a fine post with the built-in
// prior allocates nothing.
func TestPriorCheckAllocatesNothing(t *testing.T) {
	e := MustEngine(t)
	if e.prior == nil || len(e.prior.w) < 100 {
		t.Fatal("the built-in prior is missing")
	}
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop scratch buffers")
	}
	e.Check(post280, ProfileCandidate)
	if n := testing.AllocsPerRun(50, func() { e.Check(post280, ProfileCandidate) }); n != 0 {
		t.Errorf("Check allocates %.0f times", n)
	}
}

// TestDeterminerVariants: a reference filed with an article is met with a
// contracted article, a demonstrative or none.
func TestDeterminerVariants(t *testing.T) {
	e := MustEngine(t)
	e.prior = nil
	for _, text := range []string{
		"Cette équipe sortante a ruiné les finances de la ville.",
		"Le bilan du maire sortant : la dette a doublé.",
		"This outgoing mayor ruined the city's finances.",
	} {
		if r := e.Check(text, ProfileCandidate); r.Verdict == VerdictOK {
			t.Errorf("%q: ok, want a violation", text)
		}
	}
	for _, text := range []string{"Cette équipe de bénévoles a fait un travail formidable.", "Le maire de la ville nous reçoit demain."} {
		if r := e.Check(text, ProfileCandidate); r.Verdict != VerdictOK {
			t.Errorf("%q: %s, want ok", text, r.Verdict)
		}
	}
}
