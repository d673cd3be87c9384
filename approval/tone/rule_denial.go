package tone

// flatDenial: a sentence that opens with a flat "Non," / "No," / "Faux :"
// and then denies what a target did or said ("Non, Lacombe n'a pas créé
// 2 000 logements.") is a rebuttal even without the word "intox".
func (b *builder) flatDenial() {
	if b.p[ruleDesintox] == sevOff {
		return
	}
	for si := range b.s.sents {
		first := int(b.s.sents[si].firstTk)
		if first >= len(b.s.toks) || !b.s.denialOpener(first) {
			continue
		}
		if t := b.s.deniedTarget(first); t >= 0 && !b.s.deniesAccusation(b.s.units[t].sent) {
			b.emitDenial(first, t)
		}
	}
}

// denialOpener reports whether token k is "non", "no", "nope" followed by
// a comma, colon or full stop.
func (s *scratch) denialOpener(k int) bool {
	switch s.toks[k].key(s) {
	case "non", "no", "nope":
	default:
		return false
	}
	rest := s.text[s.toks[k].end:]
	for len(rest) > 0 && rest[0] == ' ' {
		rest = rest[1:]
	}
	return len(rest) > 0 && (rest[0] == ',' || rest[0] == ':' || rest[0] == '.' || rest[0] == '!')
}

// deniedTarget returns a target in the opener's sentence or the next one
// that a negator follows ("Lacombe n'a pas…", "Tolliver did not…").
func (s *scratch) deniedTarget(first int) int {
	sent := s.toks[first].sent
	for i := range s.units {
		u := &s.units[i]
		if u.sent < sent || u.sent > sent+1 || !u.target {
			continue
		}
		for j := i + 1; j < len(s.units) && s.units[j].sent == u.sent && s.units[j].t0-u.t1 <= 4; j++ {
			if s.units[j].in.cls&cNegator != 0 || s.units[j].in.immune { // "n'a pas créé" is one unit
				return i
			}
		}
	}
	return -1
}

// deniesAccusation reports a negated attack word in sentence
// sent: "Non, Mme X n'est pas une menteuse" defends the opponent.
func (s *scratch) deniesAccusation(sent int32) bool {
	for i := range s.units {
		u := &s.units[i]
		if u.sent == sent && u.negated() && u.in.cls&cAttack != 0 {
			return true
		}
	}
	return false
}

// emitDenial reports the opener as the cue of a désintox violation.
func (b *builder) emitDenial(first, target int) {
	tk := &b.s.toks[first]
	u := unit{t0: int32(first), t1: int32(first + 1), sent: tk.sent, clause: tk.clause, negBy: -1, person: -1,
		raw: true, span: [4]int32{tk.start, tk.end, tk.s16, tk.e16}}
	b.s.units = append(b.s.units, u)
	b.emit(hit{rule: ruleDesintox, weight: 1, cue: len(b.s.units) - 1, target: target, negator: -1, sent: u.sent})
}
