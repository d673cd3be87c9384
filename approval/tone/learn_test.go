package tone

import (
	"strings"
	"testing"
)

// TestLearnedFromDev trains on the development half and judges the test
// half: the model adds warnings only (never blocks), only on posts the
// rules let through, and never on a post without a target.
func TestLearnedFromDev(t *testing.T) {
	e := MustEngine(t)
	var ex []Example
	for _, l := range mustLoadSet(t, "testdata/dev.jsonl") {
		label := "ok"
		if len(l.Rules) > 0 {
			label = l.Rules[0]
		}
		ex = append(ex, Example{Text: l.Text, Label: label})
	}
	m, err := e.Train(ex)
	if err != nil {
		t.Fatal(err)
	}
	withModel := e.WithModel(m)
	for _, l := range mustLoadSet(t, "testdata/test.jsonl") {
		plain, learnt := e.Check(l.Text, ProfileCandidate), withModel.Check(l.Text, ProfileCandidate)
		if plain.Verdict != VerdictOK && describe(plain) != describe(learnt) {
			t.Errorf("%s: the model changed a verdict the rules gave: %s → %s", l.ID, describe(plain), describe(learnt))
		}
		if plain.Verdict == VerdictOK && learnt.Verdict == VerdictBlock {
			t.Errorf("%s: the model blocked", l.ID)
		}
	}
	if r := withModel.Check("Rendez-vous samedi au marché pour parler des crèches.", ProfileCandidate); r.Verdict != VerdictOK {
		t.Errorf("no target, yet %s", describe(r))
	}
}

func TestTrainPlaceholdersAndLabels(t *testing.T) {
	e := MustEngine(t)
	feats, text := e.features("Bernard Lacombe et Anne Dumas au débat.")
	if !strings.HasPrefix(text, placeholderOp+" et "+placeholderUs) {
		t.Errorf("placeholders: %q", text)
	}
	for _, f := range feats {
		if strings.Contains(f, "lacombe") || strings.Contains(f, "dumas") {
			t.Errorf("a name leaked into the features: %q", f)
		}
	}
	if _, err := e.Train([]Example{{Text: "x", Label: "ok"}, {Text: "y", Label: "insulte"}}); err == nil ||
		!strings.Contains(err.Error(), "example 2") {
		t.Errorf("bad label: %v", err)
	}
}

// FuzzReadExamples: the examples reader never panics and returns only
// valid labels.
func FuzzReadExamples(f *testing.F) {
	f.Add(`{"text":"Lacombe ment","label":"attack"}` + "\n\n" + `{"text":"ok","label":"ok"}`)
	f.Add(`{"text":null,"label":"ok"}`)
	f.Add("{")
	e := MustEngine(f)
	f.Fuzz(func(t *testing.T, data string) {
		ex, err := ReadExamples(strings.NewReader(data))
		if err != nil {
			return
		}
		for _, x := range ex {
			if !ValidLabel(x.Label) {
				t.Fatalf("label %q accepted", x.Label)
			}
		}
		if _, err := e.Train(ex); err != nil {
			t.Fatal(err)
		}
	})
}

func TestProposals(t *testing.T) {
	e := MustEngine(t)
	m, err := e.Train([]Example{
		{Text: "Lacombe roule pour les promoteurs.", Label: RuleAttack},
		{Text: "Encore Lacombe qui roule pour les promoteurs du quartier.", Label: RuleAttack},
		{Text: "Tolliver roule pour les banques.", Label: RuleAttack},
		{Text: "Débat avec Lacombe jeudi sur les promoteurs et le logement.", Label: "ok"},
		{Text: "Rendez-vous au marché samedi.", Label: "ok"},
	})
	if err != nil {
		t.Fatal(err)
	}
	ps := m.Proposals(e, 5)
	if len(ps) == 0 || ps[0].Rule != RuleAttack || !strings.Contains(ps[0].Phrase, "roule") {
		t.Fatalf("proposals: %+v", ps)
	}
	for _, p := range ps {
		if strings.Contains(p.Phrase, "adversaire") || strings.Contains(p.Phrase, "lacombe") {
			t.Errorf("a name or placeholder proposed: %+v", p)
		}
	}
}
