package tone

// Windows, in words, between a cue and its target.
const (
	attackWindow   = 6
	negativeWindow = 7
	ridiculeWindow = 10
	quoteWindow    = 10
)

// attack: an attack word near a target in the same sentence, or a negated
// quality about a target ("ni sérieux ni honnête").
func (b *builder) attack() {
	good := b.s.goodwill()
	for i := range b.s.units {
		u := &b.s.units[i]
		switch {
		case u.in.cls&cAttack != 0 && !u.negated():
			if t := b.s.attackTarget(i); t >= 0 && (!good || b.s.predicatedOf(t, i)) {
				b.emit(hit{rule: ruleAttack, weight: u.in.weight[ruleAttack], cue: i, target: t, negator: -1, sent: u.sent})
			}
		case u.in.cls&cPositive != 0 && u.negated():
			if t := b.s.nearTarget(i, attackWindow, 0); t >= 0 {
				b.emit(hit{rule: ruleAttack, weight: 1, cue: i, target: t, negator: int(u.negBy), sent: u.sent})
			}
		}
	}
}

// negative: loss, fear or decline wording near a target, named or vague.
func (b *builder) negative() {
	if b.s.goodwill() {
		return
	}
	for i := range b.s.units {
		u := &b.s.units[i]
		if u.in.cls&(cNegative|cEval) == 0 || u.negated() || b.s.reported(i) || b.s.aboutProblem(i) || b.s.ownLoss(u.t0) {
			continue
		}
		var t int
		if u.in.cls&cNegative != 0 {
			t = b.s.negativeTarget(i)
		} else {
			t = b.s.evalTarget(i)
		}
		if t < 0 || b.s.ownSentence(u.sent) && b.s.units[t].sent != u.sent {
			continue // "Nous proposons de les geler": our plan, said apart from the target
		}
		r := ruleNegative
		if b.s.predicatedOf(t, i) {
			r = ruleAttack // "Lacombe est pathétique": said of the person
		}
		b.emit(hit{rule: r, weight: u.in.weight[ruleNegative], cue: i, target: t, negator: -1, sent: u.sent})
	}
}

// desintox: a rebuttal cue with a claim verb or a target in its sentence
// or the next or previous one. "Faux départ" has neither.
func (b *builder) desintox() {
	checked := false
	for i := range b.s.units {
		u := &b.s.units[i]
		if u.in.cls&cDesintox == 0 || u.negated() {
			continue
		}
		if !checked && b.s.selfCorrection() {
			return
		}
		checked = true
		if t := b.s.nearClaim(i); t >= 0 {
			b.emit(hit{rule: ruleDesintox, weight: u.in.weight[ruleDesintox], cue: i, target: t, negator: -1, sent: u.sent})
		}
	}
}

// ridicule: a mockery cue (laughter, 😂, 🤡, 👏👏, "soi-disant") near a
// target, possibly across one sentence boundary, or ironic quotes on a
// common noun next to a target.
func (b *builder) ridicule() {
	for i := range b.s.units {
		u := &b.s.units[i]
		if u.in.cls&cRidicule == 0 || u.negated() {
			continue
		}
		if t := b.s.targetFor(i, ridiculeWindow, 1); t >= 0 {
			b.emit(hit{rule: ruleRidicule, weight: u.in.weight[ruleRidicule], cue: i, target: t, negator: -1, sent: u.sent})
		}
	}
	b.mockPraise()
	b.scareQuotes()
	b.flatDenial()
}

// goodwill reports agreement or sympathy in a post that does not mock:
// "Lacombe a raison : le quartier est dans un état lamentable", "nos
// pensées vont à Tolliver après la perte de son père". Its negative words
// are about a situation, not the target.
func (s *scratch) goodwill() bool {
	good := false
	for i := range s.units {
		u := &s.units[i]
		if u.in.cls&cRidicule != 0 && !u.negated() {
			return false
		}
		good = good || u.in.cls&cGoodwill != 0 && !u.negated()
	}
	return good
}

// ownSentence reports a sentence that opens with our side as subject:
// "Nous proposons…", "We will…", "Notre plan…".
func (s *scratch) ownSentence(k int32) bool {
	if int(k) >= len(s.sents) || int(s.sents[k].firstTk) >= len(s.toks) {
		return false
	}
	switch s.toks[s.sents[k].firstTk].key(s) {
	case "nous", "notre", "nos", "we", "our", "je", "i":
		return true
	}
	return false
}
