package tone

import "testing"

// ruleCase expects text, checked under the candidate profile, to break
// exactly the rules listed (style aside).
type ruleCase struct {
	text  string
	rules []string
}

func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	e := MustEngine(t)
	for _, c := range cases {
		got := rulesOf(e.Check(c.text, ProfileCandidate))
		delete(got, RuleStyle)
		want := map[string]bool{}
		for _, r := range c.rules {
			want[r] = true
		}
		if len(got) != len(want) {
			t.Errorf("%q: got rules %v, want %v", c.text, got, want)
			continue
		}
		for r := range want {
			if !got[r] {
				t.Errorf("%q: got rules %v, want %v", c.text, got, want)
			}
		}
	}
}

func TestAttack(t *testing.T) {
	t.Parallel()
	runRuleCases(t, []ruleCase{
		{"Lacombe ment.", []string{RuleAttack}},
		{"Ils mentent tous, à commencer par Lacombe.", []string{RuleAttack}},
		{"Tolliver is a liar.", []string{RuleAttack}},
		{"Tolliver lied again.", []string{RuleAttack}},
		{"L'incompétence de Lacombe.", []string{RuleAttack}},
		{"Lacombe n'est ni sérieux ni honnête.", []string{RuleAttack}},
		{"Tolliver is neither serious nor honest.", []string{RuleAttack}},
		{"Lacombe a parlé hier soir. Il ment.", []string{RuleAttack}},
		{"@blacombe magouilleur", []string{RuleAttack}},
		{"Claire Morel est honnête et sérieuse.", nil},
		{"Les mensonges, ça suffit : voici nos chiffres.", nil},
		{"Claire Morel a présenté son projet. Elle n'est pas menteuse, elle est sincère.", nil},
	})
}

func TestNegative(t *testing.T) {
	t.Parallel()
	runRuleCases(t, []ruleCase{
		{"Avec Lacombe, c'est le chaos.", []string{RuleNegative}},
		{"Certains veulent ruiner la ville.", []string{RuleNegative}},
		{"L'équipe d'en face veut détruire les crèches.", []string{RuleNegative}},
		{"Some people want to destroy our parks.", []string{RuleNegative}},
		{"The other side will wreck the budget.", []string{RuleNegative}},
		{"Certains quartiers sont en déclin : nous agirons.", nil},
		{"Le chaos des travaux : nous proposons un calendrier.", nil},
		{"Nos bénévoles étaient là. Ils ont peur de rien !", nil},
	})
}

func TestDesintox(t *testing.T) {
	t.Parallel()
	runRuleCases(t, []ruleCase{
		{"FAUX : Lacombe affirme que la dette a baissé.", []string{RuleDesintox}},
		{"Intox : contrairement à ce que dit Lacombe, rien n'a changé.", []string{RuleDesintox}},
		{"#désintox Lacombe prétend que les impôts baissent.", []string{RuleDesintox}},
		{"Fact check: Tolliver claims crime doubled.", []string{RuleDesintox}},
		{"Let's set the record straight about what Tolliver said.", []string{RuleDesintox}},
		{"Faux départ pour le marathon ce matin.", nil},
		{"Vrai ou faux ? Nos réponses.", nil},
		{"True or false? Our answers.", nil},
		{"Nos infographies pour repérer les infox.", nil},
	})
}

func TestRidicule(t *testing.T) {
	t.Parallel()
	runRuleCases(t, []ruleCase{
		{"lol Tolliver tried to explain his tax plan 😂😂", []string{RuleRidicule}},
		{"mdrrr Lacombe", []string{RuleRidicule}},
		{"Lacombe et son « plan » vélo.", []string{RuleRidicule}},
		{"Bravo Lacombe 👏🏽👏🏽", []string{RuleRidicule}},
		{"Le soi-disant expert Lacombe.", []string{RuleRidicule}},
		{"Tolliver's \"plan\"", []string{RuleRidicule}},
		{"Bravo à nos bénévoles 👏👏", nil},
		{"Lacombe présente « Paris Demain » ce soir.", nil},
		{"Fou rire avec les enfants 😂", nil},
	})
}

func TestStyleNeverBlocksAlone(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	r := e.Check("DÉBAT CE SOIR AVEC LACOMBE !!!", ProfileCandidate)
	if r.Verdict != VerdictWarn || !r.Has(RuleStyle) || len(r.Violations) != 1 {
		t.Fatalf("got %+v", r)
	}
	if r := e.Check("MERCI À TOUS !!!", ProfileCandidate); r.Verdict != VerdictOK {
		t.Fatalf("shouting with no target: got %+v", r)
	}
}

func TestStyleBacksWeakCue(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	if r := e.Check("Lacombe veut fermer la piscine.", ProfileCandidate); r.Verdict != VerdictWarn {
		t.Fatalf("weak cue alone: got %s", r.Verdict)
	}
	if r := e.Check("Lacombe veut FERMER la piscine !!!", ProfileCandidate); r.Verdict != VerdictBlock {
		t.Fatalf("weak cue with shouting: got %s", r.Verdict)
	}
}
