package tone

// counterTokens bounds the posts counterFigures reads: a rebuttal by
// figures is a short post.
const counterTokens = 90

// counterFigures: a target's claim with a figure, answered in the next
// sentence by another figure, is a rebuttal even without "faux" or
// "intox": "Lacombe parle de 500 caméras. Il y en a 85.", "Tolliver
// claims crime is up 40%. Police data says it fell 6%."
func (b *builder) counterFigures() {
	if b.p[ruleDesintox] == sevOff || b.res.Has(RuleDesintox) || len(b.s.toks) > counterTokens {
		return
	}
	for j := range b.s.units {
		u := &b.s.units[j]
		if u.in.cls&cClaim == 0 || u.negated() || !b.s.targetSays(j) {
			continue
		}
		if b.s.sentHasNumber(u.sent) && b.s.sentHasNumber(u.sent+1) && !b.s.sentHasWe(u.sent+1) {
			t := b.s.nearTarget(j, 4, 0)
			b.emit(hit{rule: ruleDesintox, weight: 1, cue: j, target: t, negator: -1, sent: u.sent})
			return
		}
	}
}

// sentHasWe reports a "nous" or "we" in sentence k: "Lacombe annonce 300
// logements. Nous en proposons 500." is a contrast of programmes.
func (s *scratch) sentHasWe(k int32) bool {
	if int(k) >= len(s.sents) {
		return false
	}
	lo, hi := s.sentRange(k)
	for i := lo; i < hi; i++ {
		if k := s.toks[i].key(s); k == "nous" || k == "we" {
			return true
		}
	}
	return false
}

// sentRange returns the token range of sentence k.
func (s *scratch) sentRange(k int32) (int32, int32) {
	end := int32(len(s.toks))
	if int(k)+1 < len(s.sents) {
		end = s.sents[k+1].firstTk
	}
	return s.sents[k].firstTk, end
}

// sentHasNumber reports whether sentence k has a number token.
func (s *scratch) sentHasNumber(k int32) bool {
	if int(k) >= len(s.sents) {
		return false
	}
	lo, hi := s.sentRange(k)
	for i := lo; i < hi; i++ {
		if s.toks[i].flags&tNumber != 0 {
			return true
		}
	}
	return false
}
