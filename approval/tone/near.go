package tone

// distance counts the words between units a and b (0 if they overlap).
func distance(a, b *unit) int32 {
	switch {
	case b.t1 <= a.t0:
		return a.t0 - b.t1 + 1
	case a.t1 <= b.t0:
		return b.t0 - a.t1 + 1
	}
	return 0
}

// nearTarget returns the closest target unit within window words of unit
// i and at most sentGap sentences away, or -1. Named opponents win ties.
func (s *scratch) nearTarget(i int, window, sentGap int32) int {
	return s.nearest(i, window, sentGap, func(u *unit) bool { return u.target })
}

// claimWindow bounds, in words, the search for a rebuttal's claim or target.
const claimWindow = 40

// firstUnitFrom returns the index of the first of units (in text order)
// starting at or after token t.
func firstUnitFrom(units []unit, t int32) int {
	lo, hi := 0, len(units)
	for lo < hi {
		m := (lo + hi) / 2
		if units[m].t0 < t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// nearClaim returns the closest claim verb or target within a sentence of
// unit i, or -1.
func (s *scratch) nearClaim(i int) int {
	if t := s.nearest(i, claimWindow, 1, func(u *unit) bool { return u.target }); t >= 0 {
		return t
	}
	if t := s.nearest(i, claimWindow, 1, func(u *unit) bool { return u.in.cls&cClaim != 0 && !u.negated() }); t >= 0 {
		return t
	}
	// Two rebuttal cues back each other: "Debunked: the claim that…",
	// unless the post speaks of our own team ("Fact check de l'équipe :
	// Claire a bien…": it checks our own words) or has no target at all.
	if s.namesOwn() || !s.anyTarget() {
		return -1
	}
	return s.nearest(i, claimWindow, 1, func(u *unit) bool {
		return u.in.cls&cDesintox != 0 && u.in.weight[ruleDesintox] >= 1 && !u.negated()
	})
}

// namesOwn reports whether the post names someone of our own team
// (worked out once per post).
func (s *scratch) namesOwn() bool {
	if s.own == 0 {
		s.own = -1
		for i := range s.units {
			if u := &s.units[i]; !u.raw && u.in.cls&cOwn != 0 {
				s.own = 1
				break
			}
		}
	}
	return s.own > 0
}

// nearest scans outwards from unit i for a unit accepted by ok.
func (s *scratch) nearest(i int, window, sentGap int32, ok func(*unit) bool) int {
	u := &s.units[i]
	best, bestD := -1, window+1
	for j := i - 1; j >= 0; j-- {
		c := &s.units[j]
		if d := distance(u, c); d > window || u.sent-c.sent > sentGap && !s.topic(c.sent, u.sent) {
			break
		} else if ok(c) && (d < bestD || d == bestD && c.person >= 0) {
			best, bestD = j, d
		}
	}
	for j := i + 1; j < len(s.units); j++ {
		c := &s.units[j]
		if d := distance(u, c); d > window || c.sent-u.sent > sentGap {
			break
		} else if ok(c) && (d < bestD || d == bestD && c.person >= 0 && best >= 0 && s.units[best].person < 0) {
			best, bestD = j, d
		}
	}
	return best
}

// topic reports whether sentence a is a short question that sets the topic
// of sentence b, the next one: "Le bilan de Lacombe ? Un désastre."
func (s *scratch) topic(a, b int32) bool {
	if b != a+1 || int(b) >= len(s.sents) {
		return false
	}
	st := &s.sents[a]
	return st.question && s.sents[b].firstTk-st.firstTk <= 6
}

// anyTarget reports whether the post has a target anywhere: with none,
// two rebuttal words do not back each other ("We debunked a few myths
// about cycling", "Myth vs reality: …").
func (s *scratch) anyTarget() bool { return s.anyTgt }
