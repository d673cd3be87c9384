package tone

// scareQuotes finds ironic quotes: one to three words in quotation marks,
// starting in lower case (so not a title such as « Paris respire »),
// within quoteWindow words of a target in the same sentence: son « plan »,
// the "expert", Tolliver parle de « proximité » depuis son yacht.
func (b *builder) scareQuotes() {
	q := b.s.quotes
	b.sorted = len(b.s.units)
	for i := 0; i+1 < len(q); i++ {
		open, close := q[i], q[i+1]
		n := close.next - open.next
		if open.kind < 0 || close.kind > 0 || open.sent != close.sent || n < 1 || n > 3 {
			continue
		}
		if b.s.toks[open.next].flags&(tUpper|tNumber|tMention|tHashtag) != 0 {
			continue
		}
		b.scareQuote(open, close)
		i++
	}
}

// scareQuote emits ridicule if a target sits next to the quoted words.
func (b *builder) scareQuote(open, close quoteMark) {
	u := unit{t0: open.next, t1: close.next, sent: open.sent, negBy: -1, person: -1}
	best, bestD := -1, int32(quoteWindow+1)
	units := b.s.units[:b.sorted] // text order; quote units come after
	for j := firstUnitFrom(units, u.t0-quoteWindow-3); j < len(units); j++ {
		c := &units[j]
		if c.t0 > u.t1+quoteWindow {
			break
		}
		inside := c.t0 >= u.t0 && c.t1 <= u.t1
		if c.target && c.sent == u.sent && !inside {
			if d := distance(&u, c); d < bestD {
				best, bestD = j, d
			}
		}
	}
	if best < 0 || b.p[ruleRidicule] == sevOff {
		return
	}
	u.raw, u.span = true, [4]int32{open.start, close.end, open.s16, close.e16}
	b.s.units = append(b.s.units, u)
	cue := len(b.s.units) - 1
	b.emit(hit{rule: ruleRidicule, weight: 1, cue: cue, target: best, negator: -1, sent: u.sent})
	if b.quotedVirtue(units, u.t0, u.t1) {
		// « femme intègre », "transparent": the quotes call the quality fake.
		b.emit(hit{rule: ruleAttack, weight: 1, cue: cue, target: best, negator: -1, sent: u.sent})
	}
}

// quotedVirtue reports a quality ("intègre", "honest") among units
// between tokens t0 and t1, not negated.
func (b *builder) quotedVirtue(units []unit, t0, t1 int32) bool {
	for j := firstUnitFrom(units, t0); j < len(units) && units[j].t0 < t1; j++ {
		if c := &units[j]; c.t1 <= t1 && c.in.cls&cPositive != 0 && !c.negated() {
			return true
		}
	}
	return false
}

// style: capitals or "!!" in a sentence that names a target. It warns at
// most, and backs weak cues in the same sentence (styleBonus).
func (b *builder) style() {
	if b.p[ruleStyle] == sevOff {
		return
	}
	for i := range b.s.units {
		u := &b.s.units[i]
		if !u.target || !b.s.styled(u.sent) || b.hasStyle(u.sent) {
			continue
		}
		b.emitStyle(i)
	}
}

// styleBonus is the weight capitals or "!!" add to a cue in sentence sent.
func (b *builder) styleBonus(sent int32) float32 {
	if b.s.styled(sent) {
		return 0.5
	}
	return 0
}

// styled reports whether sentence sent shouts: "!!" or a capitalised word
// that is not a name. The answer is cached per sentence.
func (s *scratch) styled(sent int32) bool {
	if int(sent) >= len(s.sents) {
		return false
	}
	st := &s.sents[sent]
	if st.style == 0 {
		st.capsTk = int32(s.findCaps(sent))
		st.style = 1
		if st.excl || st.capsTk >= 0 {
			st.style = 2
		}
	}
	return st.style == 2
}

// capsToken returns the first all-caps token of the sentence that is not
// part of a name, or -1.
func (s *scratch) capsToken(sent int32) int {
	s.styled(sent)
	return int(s.sents[sent].capsTk)
}

func (s *scratch) findCaps(sent int32) int {
	end := len(s.toks)
	if int(sent)+1 < len(s.sents) {
		end = int(s.sents[sent+1].firstTk)
	}
	first, n := -1, 0
	for t := int(s.sents[sent].firstTk); t < end; t++ {
		if s.toks[t].flags&(tCaps|tName) == tCaps {
			if first < 0 {
				first = t
			}
			n++
		}
	}
	if n == 1 && !s.cueAt(first) {
		return -1 // one acronym ("CCTV", "UNESCO") is not shouting
	}
	return first
}

// cueAt reports whether token t is part of a tone cue ("MENT", "HONTE").
func (s *scratch) cueAt(t int) bool {
	for i := range s.units {
		u := &s.units[i]
		if !u.raw && int(u.t0) <= t && t < int(u.t1) && u.in.cls&(cAttack|cNegative|cEval|cRidicule|cDesintox) != 0 {
			return true
		}
	}
	return false
}
