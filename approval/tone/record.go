package tone

// A target's record: "le bilan de Lacombe", "Tolliver's record", "sous
// Lacombe,", "under Tolliver,", "avec Lacombe, ce sera…". Such a sentence
// is about what the target did or will do, so a word of the published
// lexicons anywhere in it (or the next sentence) judges the target, not
// only one within evalWindow words.

// recordNouns name what a candidate did or proposes.
var recordNouns = map[string]bool{
	"bilan": true, "gestion": true, "politique": true, "programme": true, "projet": true, "plan": true,
	"mandat": true, "mandature": true, "budget": true, "promesses": true, "promesse": true,
	"majorite": true, "equipe": true, "methode": true, "methodes": true, "choix": true, "annees": true,
	"ans": true, "propositions": true, "proposition": true, "reforme": true, "legacy": true,
	"record": true, "tenure": true, "policies": true, "policy": true, "program": true, "proposal": true,
	"proposals": true, "promises": true, "administration": true, "years": true, "watch": true,
	"leadership": true, "agenda": true, "decisions": true, "votes": true,
}

// recordLeads open a sentence about a target's time in office.
var recordLeads = map[string]bool{"sous": true, "under": true, "avec": true, "with": true, "apres": true, "after": true}

// recordFrame reports whether target unit t stands in a record
// construction.
func (s *scratch) recordFrame(t int) bool {
	u := &s.units[t]
	if u.in.cls&cOpponent == 0 && u.in.cls&cVague == 0 {
		return false
	}
	if k := int(u.t0) - 2; k >= 0 && s.toks[k].clause == u.clause && recordNouns[s.toks[k].key(s)] {
		switch s.toks[k+1].key(s) {
		case "de", "d", "du", "of":
			return true
		}
	}
	if k := int(u.t1); k+1 < len(s.toks) && s.toks[k].key(s) == "s" && recordNouns[s.toks[k+1].key(s)] {
		return true // Tolliver's record
	}
	return s.recordLead(u)
}

// recordLead: "Sous Lacombe, …", "Under Tolliver, …" at the start of a
// sentence, the target followed by a comma.
func (s *scratch) recordLead(u *unit) bool {
	k := int(u.t0) - 1
	if k < 0 || int32(k) != s.sents[u.sent].firstTk || !recordLeads[s.toks[k].key(s)] {
		return false
	}
	return int(u.t1) < len(s.toks) && s.toks[u.t1].clause != u.clause
}

// recordTarget returns a target in a record construction in the sentence
// of unit i or the one before, or -1.
func (s *scratch) recordTarget(i int) int {
	t := s.nearest(i, sentenceWindow, 1, func(c *unit) bool { return c.target })
	if t >= 0 && s.units[t].sent <= s.units[i].sent && s.recordFrame(t) {
		return t
	}
	return -1
}
