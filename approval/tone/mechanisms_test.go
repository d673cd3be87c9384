package tone

import "testing"

// TestGeneralMechanisms covers the mechanisms added for posts the lexicons
// were not written for: verdict and deadpan sentences, condescending
// address, second-person address, figures answered by figures, goodwill,
// record constructions, trend and failed-delivery frames, irony markers,
// titles and mandate periods. Each case names its mechanism;
// the ok cases are the traps each mechanism must not fall into.
func TestGeneralMechanisms(t *testing.T) {
	t.Parallel()
	e := mechanismEngine(t)
	cases := []struct{ mechanism, text, want string }{
		{"verdict", "Hugo Ferrand a présenté son budget. Lamentable.", RuleNegative},
		{"verdict trap", "Nos pensées vont à Hugo Ferrand, hospitalisé hier. Terrible.", ""},
		{"deadpan", "Le grand plan de Ferrand : un comité pour créer un comité. Efficace.", RuleRidicule},
		{"deadpan trap", "Félicitations à Hugo Ferrand pour sa victoire. Chapeau.", ""},
		{"condescension", "Pauvre Ferrand, il croyait que le tram roulait au diesel.", RuleRidicule},
		{"address", "Madame Quist, vous mentez.", RuleAttack},
		{"address trap", "Vous êtes formidables, merci à tous !", ""},
		{"figures", "Ferrand parle de 500 caméras installées. Il y en a 85.", RuleDesintox},
		{"figures trap", "Ferrand annonce 300 logements. Nous en proposons 500.", ""},
		{"goodwill trap", "Ferrand a raison : le quartier de la gare est dans un état lamentable depuis des années, agissons ensemble.", ""},
		{"goodwill trap", "Hugo Ferrand a perdu son père cette semaine. Toutes nos pensées vont à sa famille.", ""},
		{"record", "Le bilan de Ferrand ? Ruineux et injuste.", RuleNegative},
		{"trend", "Sous Ferrand, la dette a doublé.", RuleNegative},
		{"trend trap", "La dette de la ville a doublé en vingt ans, comme partout. Voici notre plan.", ""},
		{"trend en", "Under Quist, crime went up 20%.", RuleNegative},
		{"trend en trap", "Crime is down 6% this year. Let's keep going.", ""},
		{"no delivery", "Ferrand n'a rien construit en six ans.", RuleNegative},
		{"irony", "Bravo à Ferrand qui a enfin lu son propre programme.", RuleRidicule},
		{"irony trap", "Bravo à Hugo Ferrand pour sa qualification au second tour.", ""},
		{"title", "La maire ment encore aux habitants.", RuleAttack},
		{"mandate", "Six ans de gestion calamiteuse, ça suffit.", RuleNegative},
		{"fear frame", "Ne laissez pas Ferrand brader notre patrimoine.", RuleNegative},
		{"absent quality", "Ferrand n'a aucune honte.", RuleAttack},
		{"absent quality en", "Quist has zero integrity.", RuleAttack},
		{"object pronoun trap", "Potholes are a mess across the whole county. We'll fix them.", ""},
		{"our sentence trap", "Ferrand a annoncé vouloir baisser les impôts de 5 %. Nous proposons de les geler.", ""},
		{"proposal trap", "Là où Ferrand propose plus de parkings, nous proposons plus de bus.", ""},
		{"joint action trap", "La fermeture de la maternité serait une catastrophe. Ferrand, Quist et nous avons signé la même lettre.", ""},
		{"support trap", "Merci @ferrand pour ton message de soutien aux sinistrés de la rue Neuve.", ""},
		{"scare quotes", "Ferrand parle de « proximité » depuis sa résidence secondaire.", RuleRidicule},
		{"whole post", "Ferrand a présenté hier soir son projet pour le quartier de la gare. Deux cents habitants étaient réunis au gymnase Jean-Moulin pour l'écouter pendant deux longues heures, entre questions précises, remarques sur les horaires des bus et applaudissements polis venus du fond de la salle. Pour les commerçants de la rue Neuve, qui ferment déjà le lundi et le mardi, ce sera une catastrophe annoncée dès l'an prochain.", RuleNegative},
	}
	for _, c := range cases {
		r := e.Check(c.text, ProfileCandidate)
		switch {
		case c.want == "" && r.Verdict != VerdictOK:
			t.Errorf("%s: %q: want ok, got %s", c.mechanism, c.text, describe(r))
		case c.want != "" && !r.Has(c.want):
			t.Errorf("%s: %q: want %s, got %s", c.mechanism, c.text, c.want, describe(r))
		}
	}
}

func mechanismEngine(t *testing.T) *Engine {
	t.Helper()
	cfg, err := ParseConfig([]byte("opponents:\n  - name: Hugo Ferrand\n    handles: [\"@ferrand\"]\n  - name: Maria Quist\nown_team:\n  - name: Lucie Arnal\n"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestPhraseIndex checks that an entry with many phrases finds them by
// their second key, longest first, as an entry with few does.
func TestPhraseIndex(t *testing.T) {
	t.Parallel()
	lx := lexicon{}
	for _, spec := range []string{"xa yb", "xa yb zc", "xa yc", "xa yd", "xa ye", "xa yf", "xa yg", "xa yh", "xa yi"} {
		if err := lx.add("fr", spec, cNegative, -1); err != nil {
			t.Fatal(err)
		}
	}
	lx.finish()
	en := lx["xa"]
	if en.next == nil || len(en.next["yb"]) != 2 {
		t.Fatalf("index: %v", en.next)
	}
	s := newScratch()
	s.reset("xa yb zc")
	s.tokenize("xa yb zc")
	if n, _, ok := s.matchPhrases(en, 0); !ok || n != 3 {
		t.Errorf("indexed match: n=%d ok=%v, want the 3-word phrase", n, ok)
	}
	s.reset("xa yz")
	s.tokenize("xa yz")
	if _, _, ok := s.matchPhrases(en, 0); ok {
		t.Error("indexed match found a phrase that is not there")
	}
}
