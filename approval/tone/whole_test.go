package tone

import "testing"

// TestWholePost covers judging the whole post: the target in one sentence
// and the judgement in the next, vague targets, possessives, surnames
// alone, mock praise, insinuation and fact-check frames; and the traps:
// neutral mentions, congratulations, criticism of situations, our own
// team, what an opponent is reported to say.
func TestWholePost(t *testing.T) {
	t.Parallel()
	cfg, err := ParseConfig([]byte("opponents:\n  - name: Jean Moulinet\n    aliases: [\"@jmoulinet\"]\n" +
		"  - name: Dana Whitcombe\nown_team:\n  - name: Sophie Garnier\n"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		want string // a rule, or "" for ok
	}{
		{"Six ans de Jean Moulinet. Un gâchis.", RuleNegative},
		{"Moulinet et les transports ? Toujours rien.", RuleNegative},
		{"L'équipe d'en face veut saigner les Parisiens.", RuleNegative},
		{"Son bilan ? Une catastrophe. Merci Jean Moulinet.", RuleNegative},
		{"Bravo @jmoulinet, quelle vision 🙄", RuleRidicule},
		{"Jean Moulinet découvre le vélo en 2026.", RuleRidicule},
		{"Follow the money: who paid for Whitcombe's campaign?", RuleAttack},
		{"Demandez-vous pourquoi Moulinet refuse de publier ses comptes.", RuleAttack},
		{"Intox : Moulinet affirme que la dette a doublé.", RuleDesintox},
		{"FALSE: Whitcombe says crime doubled.", RuleDesintox},
		{"Whitcombe is pathetic.", RuleAttack},
		{"Our opponent will say anything to get elected.", RuleAttack},
		{"Débat ce soir avec Jean Moulinet au gymnase Japy.", ""},
		{"Félicitations à Jean Moulinet pour sa réélection au conseil.", ""},
		{"La crise du logement est un désastre pour les familles.", ""},
		{"Sophie Garnier visite l'hôpital : un désastre évité grâce aux soignants.", ""},
		{"Congratulations to Dana Whitcombe on a hard-fought race.", ""},
		{"Pas de mauvaise surprise dans notre budget.", ""},
		{"le moulinet à salade est en promo au marché", ""},
		{"Debate with Dana Whitcombe tonight on the housing crisis.", ""},
		{"Débat avec Moulinet ce soir sur la crise du logement.", ""},
		{"Moulinet : le chaos.", RuleNegative},
		{"Whitcombe's record is a mess.", RuleNegative},
		{"#StopMoulinet", RuleNegative},
		{"Non, Moulinet n'a pas créé 2 000 logements.", RuleDesintox},
		{"No, Whitcombe did not fund the library.", RuleDesintox},
		{"Non, la piscine ne fermera pas : elle rouvre en mars.", ""},
	}
	for _, c := range cases {
		r := e.Check(c.text, ProfileCandidate)
		switch {
		case c.want == "" && r.Verdict != VerdictOK:
			t.Errorf("%q: want ok, got %s", c.text, describe(r))
		case c.want != "" && !r.Has(c.want):
			t.Errorf("%q: want %s, got %s", c.text, c.want, describe(r))
		}
	}
}

func TestHashtagVerdicts(t *testing.T) {
	t.Parallel()
	cfg, err := ParseConfig([]byte("opponents:\n  - name: Jean Moulinet\n  - name: Dana Whitcombe\n    handles: [\"@danaw\"]\nown_team:\n  - name: Sophie Garnier\n"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"#StopMoulinet": RuleNegative, "Encore un dimanche de plus. #MoulinetDémission": RuleNegative,
		"#WhitcombeLies": RuleAttack, "#MoulinetClown": RuleRidicule, "Meeting tonight #DanaW2026": "",
		"Avec nos bénévoles #GarnierDémission": "", "#JeanMoulinet au débat ce soir": "",
	} {
		r := e.Check(text, ProfileCandidate)
		if want == "" && r.Verdict != VerdictOK || want != "" && !r.Has(want) {
			t.Errorf("%q: want %q, got %s", text, want, describe(r))
		}
	}
}
