package tone

// Judging the whole post: in a short post, a cue finds its target anywhere
// ("Le bilan de Lacombe ? … Toujours rien."), praise mocks when the post
// also laughs, and a negative word said of a person is an attack.

// Short posts are judged whole.
const (
	shortTokens    = 45
	shortSentences = 4
	praiseWindow   = 8
)

// targetFor returns the target near unit i, or in a short post the first
// named or vague target anywhere in it (pronouns need their window).
func (s *scratch) targetFor(i int, window, sentGap int32) int {
	if s.units[i].target { // a hashtag that names and judges: #StopLacombe
		return i
	}
	if t := s.nearTarget(i, window, sentGap); t >= 0 {
		return t
	}
	if len(s.toks) > shortTokens || len(s.sents) > shortSentences {
		return -1
	}
	for j := range s.units {
		u := &s.units[j]
		if u.target && u.in.cls&(cOpponent|cVague|cVagueCond) != 0 {
			return j
		}
	}
	return -1
}

// copulas link a subject to what is said of it.
var copulas = map[string]bool{
	"est": true, "sont": true, "etait": true, "etaient": true, "reste": true, "restent": true,
	"sera": true, "serait": true, "demeure": true, "is": true, "are": true, "was": true,
	"were": true, "remains": true, "be": true, "been": true, "s": true, "vraiment": true,
	"tellement": true, "so": true, "really": true, "totalement": true, "completement": true,
	"un": true, "une": true, "a": true, "an": true, "such": true, "si": true, "trop": true, "too": true,
}

// predicatedOf reports whether cue unit c is said of the person target t:
// "Lacombe est pathétique", "he is a disgrace", a handful of copulas and
// intensifiers between them.
func (s *scratch) predicatedOf(t, c int) bool {
	tu, cu := &s.units[t], &s.units[c]
	if tu.in.cls&(cOpponent|cPronSg|cPronPl|cPron2) == 0 || tu.t1 > cu.t0 || cu.t0-tu.t1 > 4 || tu.sent != cu.sent {
		return false
	}
	if tu.t0 > 0 {
		switch s.toks[tu.t0-1].key(s) {
		case "de", "d", "du", "des", "of", "chez": // "le programme de Lacombe est…"
			return false
		}
	}
	seen := false
	for k := tu.t1; k < cu.t0; k++ {
		key := s.toks[k].key(s)
		if !copulas[key] {
			return false
		}
		seen = seen || key != "un" && key != "une" && key != "a" && key != "an"
	}
	return seen
}

// mockPraise: praise near a target ("Bravo Lacombe", "congrats to the
// other side") is mockery when the post also carries a mockery cue
// (🙄, 🍿, 👏👏, laughter), an irony marker ("enfin", "pour une fois",
// "for once") or a sting (a negative or attack word) anywhere.
func (b *builder) mockPraise() {
	mocking := false
	if b.res.Has(RuleRidicule) {
		return
	}
	for i := range b.s.units {
		u := &b.s.units[i]
		mocking = mocking || u.in.cls&(cRidicule|cIrony) != 0 && !u.negated()
	}
	if !mocking {
		return
	}
	for i := range b.s.units {
		u := &b.s.units[i]
		if u.in.cls&cPraise == 0 || u.negated() {
			continue
		}
		if t := b.s.nearTarget(i, praiseWindow, 1); t >= 0 {
			b.emit(hit{rule: ruleRidicule, weight: 1, cue: i, target: t, negator: -1, sent: u.sent})
		}
	}
}

// evalWindow is how close a word of the published lexicons must be to its
// target: right next to it, or said of it.
const evalWindow = 2

// evalTarget returns the target a lexicon word is about, or -1: a person
// it is said of, or a target within evalWindow words in the same clause.
func (s *scratch) evalTarget(i int) int {
	u := &s.units[i]
	t := s.nearTarget(i, evalWindow+3, 0)
	if t < 0 {
		return s.recordTarget(i)
	}
	if s.predicatedOf(t, i) {
		return t
	}
	if c := &s.units[t]; c.clause == u.clause && distance(u, c) <= evalWindow && !s.claimBefore(i) {
		return t
	}
	return s.recordTarget(i)
}

// claimBefore reports a claim verb right before unit i ("claims crime
// doubled"): the word is what someone says, not what we say of them.
func (s *scratch) claimBefore(i int) bool {
	return i > 0 && s.units[i-1].in.cls&cClaim != 0 && s.units[i].t0-s.units[i-1].t1 <= 1
}

// reportWindow is how far, in words, a claim verb reports what follows.
const reportWindow = 12

// reported reports whether unit i is the content of a claim ("Lacombe
// prétend que la sécurité s'est dégradée", "claims we want to close"):
// what an opponent says is not our negative message (desintox judges it).
func (s *scratch) reported(i int) bool {
	u := &s.units[i]
	for j := i - 1; j >= 0; j-- {
		c := &s.units[j]
		if c.sent != u.sent || u.t0-c.t1 > reportWindow {
			return false
		}
		if c.in.cls&cClaim != 0 && !c.negated() {
			return s.targetSays(j)
		}
	}
	return false
}

// targetSays reports whether claim unit j has a target as its subject
// ("Lacombe prétend", "certains disent", "Tolliver claims"), not "je dis".
func (s *scratch) targetSays(j int) bool {
	c := &s.units[j]
	for k := j - 1; k >= 0; k-- {
		t := &s.units[k]
		if t.sent != c.sent || c.t0-t.t1 > 3 {
			return false
		}
		if t.target {
			return true
		}
	}
	return false
}

// determiners are skipped when looking at what governs a word.
var determiners = map[string]bool{
	"le": true, "la": true, "les": true, "l": true, "du": true, "des": true, "de": true, "d": true,
	"un": true, "une": true, "ce": true, "cet": true, "cette": true, "ces": true, "notre": true, "nos": true,
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "our": true, "any": true,
}

// problemGovernors make the following word a problem being tackled, not a
// judgement of someone: "lutter contre le chaos", "débat sur la crise",
// "fix the mess", "tackle the crisis".
var problemGovernors = map[string]bool{
	"contre": true, "sur": true, "lutter": true, "lutte": true, "combattre": true,
	"resoudre": true, "reduire": true, "eviter": true, "prevenir": true, "finir": true, "fin": true,
	"against": true, "about": true, "on": true, "tackle": true, "tackling": true, "fight": true, "fighting": true,
	"fix": true, "fixing": true, "solve": true, "solving": true, "end": true, "ending": true, "reduce": true,
	"prevent": true, "avoid": true, "address": true, "addressing": true, "combat": true,
	"face": true, "stopper": true, "arreter": true, "empecher": true, "refuser": true, "refusons": true,
	"sauver": true, "proteger": true, "defendre": true, "reparer": true, "annuler": true, "enrayer": true,
	"stop": true, "block": true, "reverse": true, "undo": true, "save": true, "protect": true, "defend": true,
	"repair": true, "halt": true,
}

// aboutProblem reports whether unit i is governed by a problem-solving
// verb or a topic preposition.
// ("on the housing crisis": one modifier may stand between).
func (s *scratch) aboutProblem(i int) bool {
	u := &s.units[i]
	stop := int32(-1) // the words of the unit before are not governors ("l'équipe d'en face")
	if i > 0 {
		stop = s.units[i-1].t1 - 1
	}
	for k, content := int(u.t0)-1, 0; k > int(stop) && int(u.t0)-k <= 4 && s.toks[k].clause == u.clause; k-- {
		key := s.toks[k].key(s)
		switch {
		case problemGovernors[key]:
			return key != "face" || k == 0 || s.toks[k-1].key(s) != "en" // not "d'en face"

		case determiners[key]:
		case content == 0 && s.toks[k].flags&tName == 0:
			content++
		default:
			return false
		}
	}
	return false
}

// sentenceWindow is how far, in words, a cue reaches into the next or
// previous sentence for its target ("Lacombe a présenté son plan. Un
// désastre pour les familles.").
const sentenceWindow = 25

// negativeTarget returns the target of negative cue i: near it, in the
// sentence before or after, or anywhere in a short post.
func (s *scratch) negativeTarget(i int) int {
	if t := s.nearTarget(i, sentenceWindow, 1); t >= 0 {
		return t
	}
	if t := s.targetFor(i, negativeWindow, 0); t >= 0 {
		return t
	}
	return s.namedInPost(90)
}

// namedInPost returns the first named opponent of a post of at most max
// tokens, or -1.
func (s *scratch) namedInPost(max int) int {
	if len(s.toks) > max {
		return -1
	}
	for j := range s.units {
		if s.units[j].target && s.units[j].in.cls&cOpponent != 0 {
			return j
		}
	}
	return -1
}

// attackTarget is negativeTarget for attack cues.
func (s *scratch) attackTarget(i int) int { return s.negativeTarget(i) }
