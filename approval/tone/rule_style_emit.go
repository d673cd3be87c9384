package tone

// hasStyle reports whether a style violation already covers sentence sent.
func (b *builder) hasStyle(sent int32) bool {
	for _, k := range b.key {
		if k.rule == ruleStyle && k.target == sent {
			return true
		}
	}
	return false
}

// emitStyle reports shouting in the sentence of target unit i.
func (b *builder) emitStyle(i int) {
	if len(b.res.Violations) >= maxViolations {
		return
	}
	u := &b.s.units[i]
	sev := b.p[ruleStyle]
	if sev == sevBlock {
		sev = sevWarn
	}
	v := Violation{Rule: RuleStyle, Severity: sev.String(), Spans: []Span{b.unitSpan(i, RoleTarget)}}
	if t := b.s.capsToken(u.sent); t >= 0 {
		tk := &b.s.toks[t]
		v.Spans = append(v.Spans, Span{int(tk.start), int(tk.end), int(tk.s16), int(tk.e16), RoleCue})
	}
	if st := &b.s.sents[u.sent]; st.excl {
		v.Spans = append(v.Spans, Span{int(st.ex[0]), int(st.ex[1]), int(st.ex[2]), int(st.ex[3]), RoleCue})
	}
	sortSpans(v.Spans)
	v.MessageFR, v.MessageEN = styleMessages(b.targetName(i))
	b.key = append(b.key, groupKey{rule: ruleStyle, target: u.sent})
	b.res.Violations = append(b.res.Violations, v)
	b.raise(sev)
}
