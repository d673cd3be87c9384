package tone

// Self-correction: a post that checks or corrects our own words ("Fact
// check de nos propres chiffres", "Correction : dans notre tract…",
// "We got the date wrong, sorry") uses rebuttal words about ourselves. With
// no opponent or vague target in the post it is not désintox.

// selfCorrection reports a post that corrects or checks our own words and
// names no opponent or vague target.
func (s *scratch) selfCorrection() bool {
	if !s.selfMarker() {
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
