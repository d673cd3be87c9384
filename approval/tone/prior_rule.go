package tone

import "fmt"

// priorRule warns for each rule the built-in prior is sure of and the
// rules did not already report; a post with no target needs a higher
// score. It may only warn: the prior is a statistical guess, not a rule.
func (b *builder) priorRule() {
	m := b.e.prior
	if m == nil || !b.s.priorApplies() {
		return
	}
	target := b.firstTarget()
	z := b.e.priorScores(b.s, m)
	praise := b.s.plainPraise()
	for r := ruleAttack; r <= ruleRidicule; r++ {
		lim := m.thresh[r]
		if target < 0 {
			lim += m.untargeted[r]
		}
		if b.res.Verdict != VerdictOK {
			lim += m.flagged[r]
		}
		if len(b.s.toks) < priorShortWords {
			lim += priorShortExtra
		}
		if praise {
			lim += priorPraiseExtra
		}
		if z[r] < lim || b.p[r] == sevOff || b.hasRule(r) || r == ruleDesintox && b.s.selfCorrection() {
			continue
		}
		v := Violation{Rule: r.String(), Severity: SeverityWarn, Spans: []Span{b.priorSpan(target)}}
		v.MessageFR, v.MessageEN = priorMessages(r)
		b.res.Violations = append(b.res.Violations, v)
		b.raise(sevWarn)
	}
}

// priorApplies reports whether the prior may judge the analysed post: it
// has enough words, shows no agreement or sympathy with a target, and no
// cue the rules saw negated ("Lacombe ne ment pas"): the rules weighed
// those, a bag of words cannot.
func (s *scratch) priorApplies() bool {
	if len(s.toks) < priorMinWords || s.goodwill() {
		return false
	}
	for i := range s.units {
		u := &s.units[i]
		if u.negated() && u.in.cls&(cAttack|cNegative|cDesintox|cRidicule|cEval) != 0 {
			return false
		}
	}
	return true
}

// priorMinWords is the shortest post the prior judges.
const priorMinWords = 8

// A post shorter than priorShortWords gives the prior few words to weigh:
// its thresholds rise by priorShortExtra (chosen by TestPriorCV).
var (
	priorShortWords         = 12
	priorShortExtra float32 = 1
)

// priorPraiseExtra is added to every rule's threshold on a post of plain
// praise (plainPraise): "Félicitations à X pour …", "Thanks to X for …"
// read like mock praise or a swipe to a bag of words (chosen by
// TestPriorCV; every rule since the sixth round, ridicule only before).
var priorPraiseExtra float32 = 2

// plainPraise reports praise with nothing that mocks, denies, blames or
// judges: a sincere compliment, which the rules let through.
func (s *scratch) plainPraise() bool {
	const other = cRidicule | cIrony | cNegative | cAttack | cEval | cCondescend | cDesintox
	praise := false
	for i := range s.units {
		u := &s.units[i]
		if u.negated() {
			continue
		}
		if u.in.cls&other != 0 {
			return false
		}
		praise = praise || u.in.cls&cPraise != 0
	}
	return praise && !s.contrastWords()
}

// contrastWords finds what sarcastic praise sets against the compliment:
// a figure or "seulement", "encore", "only", "still" ("Bravo à X pour le
// rond-point. Seulement 3 ans.").
func (s *scratch) contrastWords() bool {
	for i := range s.toks {
		t := &s.toks[i]
		if t.flags&tNumber != 0 || contrastKeys[string(s.keys[t.ks:t.ke])] {
			return true
		}
	}
	return false
}

var contrastKeys = map[string]bool{
	"seulement": true, "encore": true, "toujours": true, "deja": true, "only": true, "still": true,
	"again": true, "already": true, "just": true, "meme": true, "even": true,
}

// priorSpan is the target's span, or the whole post's words if none.
func (b *builder) priorSpan(target int) Span {
	if target >= 0 {
		return b.unitSpan(target, RoleTarget)
	}
	a, z := &b.s.toks[0], &b.s.toks[len(b.s.toks)-1]
	return Span{Start: int(a.start), End: int(z.end), Start16: int(a.s16), End16: int(z.e16), Role: RoleCue}
}

// firstTarget is the first unit resolved as a target, or -1.
func (b *builder) firstTarget() int {
	for i := range b.s.units {
		if b.s.units[i].target {
			return i
		}
	}
	return -1
}

// hasRule reports whether a violation of r is already reported.
func (b *builder) hasRule(r rule) bool {
	name := r.String()
	for i := range b.res.Violations {
		if b.res.Violations[i].Rule == name {
			return true
		}
	}
	return false
}

// priorMessages explain a warning from the built-in prior.
func priorMessages(r rule) (fr, en string) {
	return fmt.Sprintf("Ce message ressemble, par ses tournures, à des messages de type %s. À relire avant publication.", r),
		fmt.Sprintf("This post's wording resembles %s posts. Please review before publishing.", r)
}
