package tone

import "testing"

func TestNegation(t *testing.T) {
	t.Parallel()
	runRuleCases(t, []ruleCase{
		{"Pas de mauvaise surprise avec Lacombe : le débat a été courtois.", nil},
		{"No bad surprises from Tolliver's team tonight.", nil},
		{"Lacombe ne ment pas sur ce point, et nous le saluons.", nil},
		{"Lacombe n'est pas honnête.", []string{RuleAttack}},
		{"Lacombe n'est pas du tout crédible.", []string{RuleAttack}},
		{"Tolliver is not honest.", []string{RuleAttack}},
		{"Tolliver never tells the truth.", []string{RuleAttack}},
		{"Tolliver can't be trusted.", []string{RuleAttack}},
		{"Aucun danger avec Lacombe au débat.", nil},
		{"Lacombe n'est pas sérieux.", []string{RuleAttack}},
	})
}

func TestElision(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	cases := map[string][]string{
		"L'incompétence":      {"l", "incompetence"},
		"l’équipe d’en face":  {"l", "equipe", "d", "en", "face"},
		"aujourd'hui":         {"aujourd'hui"},
		"quelqu'un":           {"quelqu'un"},
		"jusqu'à lorsqu'il":   {"jusqu", "a", "lorsqu", "il"},
		"qu'aujourd'hui":      {"qu", "aujourd'hui"},
		"Tolliver's plan":     {"tolliver", "plan"},
		"don't":               {"don't"},
		"#désintox @blacombe": {"#desintox", "@blacombe"},
	}
	for in, want := range cases {
		if got := keysOf(in); !equalStrings(got, want) {
			t.Errorf("keysOf(%q) = %q, want %q", in, got, want)
		}
	}
	if !e.Check("C'est l'incompétence de Lacombe", ProfileCandidate).Has(RuleAttack) {
		t.Error("elided attack word not found")
	}
}

func TestAccentFolding(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"Désintox":    "desintox",
		"INCOMPÉTENT": "incompetent",
		"Œuvre":       "oeuvre",
		"ﬁnance":      "finance",
		"e\u0301lu":   "elu", // decomposed é
		"Ça":          "ca",
	}
	for in, want := range cases {
		if got := keysOf(in); len(got) != 1 || got[0] != want {
			t.Errorf("keysOf(%q) = %q, want %q", in, got, want)
		}
	}
	runRuleCases(t, []ruleCase{
		{"LACOMBE EST INCOMPETENT", []string{RuleAttack}},
		{"Lacombe est incompe\u0301tent", []string{RuleAttack}},
	})
}

func TestMorphology(t *testing.T) {
	t.Parallel()
	runRuleCases(t, []ruleCase{
		{"Lacombe et les siens mentent.", []string{RuleAttack}},
		{"Une menteuse, cette Lacombe.", []string{RuleAttack}},
		{"Les mensonges de Lacombe.", []string{RuleAttack}},
		{"Lacombe mentait déjà en 2020.", []string{RuleAttack}},
		{"Lacombe a menti.", []string{RuleAttack}},
		{"Lacombe, menteur.", []string{RuleAttack}},
		{"Lacombe a publié un démenti.", nil},
		{"Lacombe dément avoir dit cela.", nil},
		{"Lacombe et ses colistiers incompétents.", []string{RuleAttack}},
		{"Tolliver keeps lying.", []string{RuleAttack}},
		{"Tolliver's lies.", []string{RuleAttack}},
		{"Clément et Lacombe se sont parlé.", nil},
	})
}

func TestFrenchForms(t *testing.T) {
	t.Parallel()
	want := map[string][]string{
		"mentir/v3":   {"ment", "mentent", "mens", "mentait", "menti", "mentira", "mentant"},
		"menteur":     {"menteuse", "menteurs", "menteuses"},
		"mensonge/n":  {"mensonges"},
		"corrompu":    {"corrompue", "corrompus", "corrompues"},
		"ruiner/v":    {"ruine", "ruinent", "ruinera", "ruinait", "ruinée", "ruinons"},
		"détruire/v":  {"détruit", "détruisent", "détruira", "détruisait"},
		"prétendre/v": {"prétend", "prétendent", "prétendu"},
	}
	for spec, forms := range want {
		w, err := parseSpec(spec)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, f := range w.forms("fr") {
			got[f] = true
		}
		for _, f := range forms {
			if !got[f] {
				t.Errorf("%s lacks %q", spec, f)
			}
		}
		if spec == "mentir/v3" && got["dément"] {
			t.Error("mentir must not produce dément")
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
