package tone

import "strings"

// violation builds the reported violation for h.
func (b *builder) violation(h hit, sev severity) Violation {
	v := Violation{Rule: h.rule.String(), Severity: sev.String(), Spans: make([]Span, 0, 3)}
	if h.target >= 0 {
		role := RoleTarget
		if !b.s.units[h.target].target {
			role = RoleCue // a claim verb backing a rebuttal
		}
		v.Spans = append(v.Spans, b.unitSpan(h.target, role))
	}
	if h.negator >= 0 {
		v.Spans = append(v.Spans, b.unitSpan(h.negator, RoleNegator))
	}
	v.Spans = append(v.Spans, b.unitSpan(h.cue, RoleCue))
	sortSpans(v.Spans)
	v.MessageFR, v.MessageEN = b.messages(h)
	return v
}

// unitSpan returns the span of unit i.
func (b *builder) unitSpan(i int, role string) Span {
	u := &b.s.units[i]
	if u.raw { // ironic quotes: the span includes the marks
		return Span{Start: int(u.span[0]), End: int(u.span[1]), Start16: int(u.span[2]), End16: int(u.span[3]), Role: role}
	}
	a, z := &b.s.toks[u.t0], &b.s.toks[u.t1-1]
	return Span{Start: int(a.start), End: int(z.end), Start16: int(a.s16), End16: int(z.e16), Role: role}
}

func sortSpans(sp []Span) {
	for i := 1; i < len(sp); i++ {
		for j := i; j > 0 && sp[j].Start < sp[j-1].Start; j-- {
			sp[j], sp[j-1] = sp[j-1], sp[j]
		}
	}
}

// snippet returns the text of unit i, shortened and made valid UTF-8.
func (b *builder) snippet(i int) string {
	sp := b.unitSpan(i, "")
	t := b.s.text[sp.Start:sp.End]
	if len(t) > 60 {
		cut := 60
		for cut > 0 && t[cut]&0xc0 == 0x80 {
			cut--
		}
		t = t[:cut] + "…"
	}
	return strings.ToValidUTF8(t, "\uFFFD")
}

// targetName names the target of unit i: the opponent's configured name,
// or the words of a vague target.
func (b *builder) targetName(i int) string {
	u := &b.s.units[i]
	if u.target && u.person >= 0 && int(u.person) < len(b.e.persons) {
		return b.e.persons[u.person].name
	}
	return b.snippet(i)
}
