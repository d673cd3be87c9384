package tone

// Verdict sentences: a short post often names its target in one sentence
// and delivers the judgement in a sentence of its own, one to four words
// long: "Lacombe a présenté son budget. Lamentable.", "Tolliver's plan?
// Pathetic." (negative), or a deadpan compliment, "Tolliver's big idea? A
// committee to study committees. Bold.", "Efficace." (ridicule).

// verdictTokens is the longest verdict sentence, in words.
const verdictTokens = 4

// sentTokens returns the number of word tokens of sentence k, counting
// no further than max+1.
func (s *scratch) sentTokens(k int32, max int) int {
	end := int32(len(s.toks))
	if int(k)+1 < len(s.sents) {
		end = s.sents[k+1].firstTk
	}
	n := 0
	for i := s.sents[k].firstTk; i < end && n <= max; i++ {
		if s.toks[i].flags&tEmoji == 0 {
			n++
		}
	}
	return n
}

// verdictSentence reports whether unit i makes up most of a short
// sentence that follows another one.
func (s *scratch) verdictSentence(i int) bool {
	u := &s.units[i]
	return u.sent > 0 && s.sentTokens(u.sent, verdictTokens) <= verdictTokens
}

// deadpanAlone reports whether deadpan unit i is its sentence but for at
// most one word ("Efficace.", "Vraiment bravo.", "Quelle vision !"), not
// an adverb inside a plain statement ("La campagne commence vraiment.").
func (s *scratch) deadpanAlone(i int) bool {
	u := &s.units[i]
	return s.sentTokens(u.sent, verdictTokens)-int(u.t1-u.t0) <= 1
}

// postTarget returns a named or vague target anywhere in a short post
// before unit i, or -1.
func (s *scratch) postTarget(i int) int {
	if len(s.toks) > shortTokens || len(s.sents) > shortSentences {
		return -1
	}
	for j := 0; j < i; j++ {
		if s.units[j].target && s.units[j].in.cls&(cOpponent|cVague) != 0 {
			return j
		}
	}
	return -1
}

// verdicts emits the negative and deadpan verdict sentences.
func (b *builder) verdicts() {
	praised := false // "Félicitations à Lacombe. Bravo !" is a compliment
	for i := range b.s.units {
		u := &b.s.units[i]
		before := praised
		praised = praised || u.in.cls&cPraise != 0
		if u.negated() || !b.s.verdictSentence(i) {
			continue
		}
		r, w := ruleNegative, u.in.weight[ruleNegative]
		switch {
		case u.in.cls&cEval != 0:
		case u.in.cls&cDeadpan != 0 && !before && b.s.deadpanAlone(i):
			r, w = ruleRidicule, 1
		default:
			continue
		}
		if t := b.s.postTarget(i); t >= 0 && !b.res.Has(r.String()) {
			b.emit(hit{rule: r, weight: w, cue: i, target: t, negator: -1, sent: u.sent})
		}
	}
}

// condescension: a belittling word right before a named target ("pauvre
// Lacombe", "poor Tolliver", "notre cher Lacombe") is ridicule.
func (b *builder) condescension() {
	for i := 1; i < len(b.s.units); i++ {
		u, prev := &b.s.units[i], &b.s.units[i-1]
		if u.in.cls&cOpponent == 0 || prev.in.cls&cCondescend == 0 || prev.t1 != u.t0 || prev.sent != u.sent {
			continue
		}
		if !b.res.Has(RuleRidicule) {
			b.emit(hit{rule: ruleRidicule, weight: 1, cue: i - 1, target: i, negator: -1, sent: u.sent})
		}
	}
}
