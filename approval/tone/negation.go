package tone

// negationScope is how many words after a negator it reaches, within its
// clause: "n'est pas du tout honnête" still negates "honnête".
const negationScope = 3

// negate marks the units in the scope of a negator.
func (s *scratch) negate() {
	for i := range s.units {
		n := &s.units[i]
		if n.in.cls&cNegator == 0 {
			continue
		}
		for j := i + 1; j < len(s.units); j++ {
			u := &s.units[j]
			if u.t0 > n.t1-1+negationScope || u.clause != n.clause {
				break
			}
			if u.negBy < 0 && !u.in.immune && u.in.cls&cNegator == 0 {
				u.negBy = int32(i)
			}
		}
	}
}

func (u *unit) negated() bool { return u.negBy >= 0 }

// denySpeech carries a negator over the rest of its sentence when it
// denies a verb of saying or thinking: "Nous ne dirons jamais que nos
// adversaires sont malhonnêtes", "We never said Kessler was dishonest",
// "Je ne crois pas que Mme X soit de mauvaise foi". What follows is what
// we do not say, not our judgement.
func (s *scratch) denySpeech() {
	for i := range s.units {
		n := &s.units[i]
		if n.in.cls&cNegator == 0 || n.negBy >= 0 {
			continue
		}
		v := s.deniedVerb(n)
		if v < 0 {
			continue
		}
		for j := i + 1; j < len(s.units); j++ {
			u := &s.units[j]
			if u.sent != n.sent {
				break
			}
			if u.t0 > v && u.negBy < 0 && !u.in.immune && u.in.cls&cNegator == 0 {
				u.negBy = int32(i)
			}
		}
	}
}

// deniedVerb returns the token of a verb of saying or thinking right
// after negator n (within negationScope words of its clause), or -1.
func (s *scratch) deniedVerb(n *unit) int32 {
	for t := n.t1; t < n.t1+negationScope && int(t) < len(s.toks); t++ {
		if s.toks[t].clause != n.clause {
			return -1
		}
		if tk := &s.toks[t]; speechVerbs[string(s.keys[tk.ks:tk.ke])] {
			return t
		}
	}
	return -1
}

// speechVerbs are forms of verbs of saying, thinking and accusing whose
// denial covers the clause they introduce.
var speechVerbs = map[string]bool{
	"dis": true, "dit": true, "dire": true, "dirai": true, "dirons": true, "direz": true, "diront": true,
	"disons": true, "disent": true, "crois": true, "croit": true, "croyons": true, "croient": true,
	"pense": true, "pensons": true, "pensent": true, "accuse": true, "accusons": true, "accuserons": true,
	"traiterai": true, "traiterons": true, "pretendons": true,
	"say": true, "says": true, "said": true, "think": true, "thinks": true, "thought": true,
	"believe": true, "believes": true, "call": true, "called": true, "accused": true,
	"suggest": true, "suggested": true, "imply": true, "implied": true, "claim": true, "claimed": true,
}
