package tone

// maxViolations and maxSpans bound the report on pathological texts.
const (
	maxViolations = 64
	maxSpans      = 32
)

// Check runs the tone rules on text for the named profile ("candidate",
// "campaign", "colistier" or any configured one; an unknown name gets the
// candidate's rules). It never fails: empty text is ok, invalid UTF-8 is
// checked byte-safely and flagged in Result.InvalidUTF8.
func (e *Engine) Check(text, profileName string) Result {
	s := e.getScratch()
	defer e.putScratch(s)
	e.analyze(s, text)
	b := builder{e: e, s: s, p: e.profile(profileName)}
	b.res = Result{Verdict: VerdictOK, Violations: []Violation{}, InvalidUTF8: s.invalid}
	b.attack()
	b.negative()
	b.desintox()
	b.ridicule()
	b.verdicts()
	b.condescension()
	b.mockNicknames()
	b.counterFigures()
	b.style()
	b.obfuscation()
	if e.model != nil && b.res.Verdict == VerdictOK {
		b.learned(text)
	}
	b.priorRule()
	return b.res
}

// builder turns matched units into violations.
type builder struct {
	e   *Engine
	s   *scratch
	p   profile
	res Result
	key []groupKey // one per violation: which rule and target it groups
	// sorted is the number of units in text order; ironic-quote units are
	// appended after them.
	sorted int
}

// groupKey lets a second cue about the same target join its violation.
type groupKey struct {
	rule   rule
	target int32
}

// hit is one rule firing: the cue, its target (or claim) and negator.
type hit struct {
	rule    rule
	weight  float32
	cue     int   // unit index
	target  int   // unit index or -1
	negator int   // unit index or -1
	sent    int32 // sentence of the cue
}

// emit records h, merging it into an earlier violation of the same rule
// about the same target.
func (b *builder) emit(h hit) {
	sev := b.p[h.rule]
	if sev == sevOff {
		return
	}
	if h.weight+b.styleBonus(h.sent) < 1 && sev == sevBlock {
		sev = sevWarn
	}
	k := groupKey{rule: h.rule, target: b.groupTarget(h.target)}
	for i, g := range b.key {
		if g == k && h.target >= 0 && g.rule != ruleStyle {
			b.join(i, h, sev)
			return
		}
	}
	if len(b.res.Violations) >= maxViolations {
		return
	}
	b.key = append(b.key, k)
	b.res.Violations = append(b.res.Violations, b.violation(h, sev))
	b.raise(sev)
}

// join adds h's cue to violation i and keeps the stronger severity.
func (b *builder) join(i int, h hit, sev severity) {
	v := &b.res.Violations[i]
	if len(v.Spans) < maxSpans {
		v.Spans = append(v.Spans, b.unitSpan(h.cue, RoleCue))
		sortSpans(v.Spans)
	}
	if sev == sevBlock && v.Severity != SeverityBlock {
		v.Severity = SeverityBlock
		b.raise(sev)
	}
}

// groupTarget identifies a target: the opponent if known, else the unit.
func (b *builder) groupTarget(t int) int32 {
	if t >= 0 && b.s.units[t].target && b.s.units[t].person >= 0 {
		return -2 - int32(b.s.units[t].person)
	}
	return int32(t)
}

func (b *builder) raise(sev severity) {
	switch {
	case sev == sevBlock:
		b.res.Verdict = VerdictBlock
	case sev == sevWarn && b.res.Verdict == VerdictOK:
		b.res.Verdict = VerdictWarn
	}
}
