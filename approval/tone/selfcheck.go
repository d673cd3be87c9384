package tone

// Self-correction: a post that checks or corrects our own words ("Fact
// check de nos propres chiffres", "Correction : dans notre tract…",
// "We got the date wrong, sorry") uses rebuttal words about ourselves. With
// no opponent or vague target in the post it is not désintox.

// selfCorrection reports a post that corrects or checks our own words and
// names no opponent or vague target.
func (s *scratch) selfCorrection() bool {
	if !s.selfMarker() && !s.quizTrue() {
		return false
	}
	for i := range s.units {
		if u := &s.units[i]; u.target && u.in.cls&(cOpponent|cVague) != 0 {
			return false
		}
	}
	return true
}

// selfMarker finds "our own", "nos propres", an owned mistake ("our
// mistake", "notre erreur", "toutes nos excuses", "my bad"), an apology or
// a correction made ("corrigé", "fixed"), or our figures said to be
// sourced ("Les nôtres sont sourcés", "every figure is sourced").
func (s *scratch) selfMarker() bool {
	for i := range s.toks {
		t := &s.toks[i]
		switch k := string(s.keys[t.ks:t.ke]); k {
		case "own", "propre", "propres", "mistake", "error", "erreur", "faute", "excuses", "bad":
			if i > 0 && ownDeterminers[string(s.keys[s.toks[i-1].ks:s.toks[i-1].ke])] {
				return true
			}
		default:
			if selfFixWords[k] {
				return true
			}
		}
	}
	return false
}

var (
	ownDeterminers = map[string]bool{"our": true, "notre": true, "nos": true, "my": true, "mon": true, "ma": true, "mes": true}
	selfFixWords   = map[string]bool{
		"sorry": true, "apologies": true, "apologize": true, "apologise": true, "fixed": true,
		"desole": true, "desoles": true, "desolee": true, "excusons": true, "excuse": true,
		"corrigee": true, "corriges": true, "rectifiee": true, // not "corrige": "on corrige" corrects them
		"notres": true, "ours": true, "source": true, "sourced": true, "sources": true, "sourcee": true, "sourcees": true,
	}
)

// ownLoss reports a cue whose subject is our side, at most two auxiliaries
// before it: "Nous avons perdu le match", "We lost the tournament". The
// loss is ours, not the opponent's record.
func (s *scratch) ownLoss(t0 int32) bool {
	for i, n := t0-1, 0; i >= 0 && n < 3; i, n = i-1, n+1 {
		switch s.toks[i].key(s) {
		case "nous", "we", "on":
			return true
		case "avons", "a", "have", "had", "sommes", "were", "are", "ve", "just":
		default:
			return false
		}
	}
	return false
}

// quizTrue reports a quiz answered "true": "Vrai ou faux ? Le Jardin des
// plantes est le plus ancien de France. Réponse : vrai !" rebuts no one.
func (s *scratch) quizTrue() bool {
	state := 0 // 1: after "vrai ou faux"; 2: then answered "vrai"
	for i := 2; i < len(s.toks); i++ {
		k := s.toks[i].key(s)
		switch {
		case state == 0 && quizPair(s.toks[i-2].key(s), s.toks[i-1].key(s), k):
			state = 1
		case state > 0 && (k == "vrai" || k == "true"):
			state = 2
		case state > 0 && (k == "faux" || k == "false" || k == "fake"):
			return false
		}
	}
	return state == 2
}

// quizPair reports "vrai ou faux", "true or false" and their reverse.
func quizPair(a, b, c string) bool {
	return (b == "ou" || b == "or") && (a == "vrai" && c == "faux" || a == "faux" && c == "vrai" || a == "true" && c == "false" || a == "false" && c == "true")
}
