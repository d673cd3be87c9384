package tone

import "fmt"

// obfuscation reports the words that hide format characters or mix
// look-alike letters of another script: a post written to slip past the
// rules is itself a reason for a human to look (warn by default). A post
// with no target and no other finding hides nothing the rules look for
// (a soft hyphen pasted from a word processor in "Nos propo­sitions"): it
// is not reported.
func (b *builder) obfuscation() {
	sev := b.p[ruleObfuscation]
	if sev == sevOff || len(b.res.Violations) >= maxViolations || !b.worthHiding() {
		return
	}
	var v *Violation
	for i := range b.s.toks {
		t := &b.s.toks[i]
		if t.flags&tHidden == 0 {
			continue
		}
		if v == nil {
			b.res.Violations = append(b.res.Violations, Violation{Rule: RuleObfuscation, Severity: sev.String()})
			v = &b.res.Violations[len(b.res.Violations)-1]
		}
		if len(v.Spans) < maxSpans {
			v.Spans = append(v.Spans, Span{int(t.start), int(t.end), int(t.s16), int(t.e16), RoleCue})
		}
	}
	if v == nil {
		return
	}
	v.MessageFR, v.MessageEN = obfuscationMessages(len(v.Spans))
	b.raise(sev)
}

// obfuscationMessages explains hidden characters in n words.
func obfuscationMessages(n int) (fr, en string) {
	return fmt.Sprintf("Caractères invisibles ou lettres d'un autre alphabet cachés dans %d mot(s) : écrivez le texte tel qu'il sera lu.", n),
		fmt.Sprintf("Invisible characters or look-alike letters of another script hidden in %d word(s): write the text as it will be read.", n)
}

// worthHiding reports whether the post names a target or already breaks
// a rule other than style.
func (b *builder) worthHiding() bool {
	for i := range b.res.Violations {
		if b.res.Violations[i].Rule != RuleStyle {
			return true
		}
	}
	for i := range b.s.units {
		if b.s.units[i].target {
			return true
		}
	}
	return false
}
