package tone

// class is a set of roles a word or phrase plays for the rules.
type class uint32

const (
	cAttack     class = 1 << iota // personal attack cue
	cNegative                     // loss, fear or decline wording
	cDesintox                     // rebuttal cue
	cRidicule                     // mockery cue
	cPositive                     // a quality; negated near a target it attacks
	cClaim                        // claim verb or noun ("dit", "claims")
	cVague                        // vague target ("l'équipe d'en face")
	cNegator                      // ne, pas, not, never…
	cPronPl                       // ils, they
	cPronSg                       // il, elle, he, she
	cVagueCond                    // certains: a target only before a verb
	cFollow                       // verbs and clitics that make "certains" a pronoun
	cOwnMarker                    // nos, our, habitants: "ils" then means our side
	cPledge                       // pledge wording
	cFigure                       // euros, millions, percent
	cSuppress                     // fixed phrases that are never cues ("faux départ")
	cOpponent                     // an opponent's name, alias or handle
	cOwn                          // an own-team name: never a target
	cPraise                       // praise: mockery when the post also mocks ("bravo" + 🙄)
	cEval                         // negative evaluation from the published lexicons (evallex.go)
	cCapital                      // counts only when written with a capital (a surname alone)
	cDeadpan                      // a compliment said flat after a target ("Efficace.", "Bold.")
	cCondescend                   // a word that belittles the name it precedes ("pauvre Lacombe")
	cPron2                        // vous, tu, you: a target when the post addresses an opponent
	cGoodwill                     // agreement or sympathy with a target ("a raison", "nos pensées")
	cIrony                        // turns praise into mockery: "enfin", "pour une fois", "for once"
)

// categories maps lexicon section names to classes. The first seven may be
// extended from the configuration.
var categories = map[string]class{
	"attack": cAttack, "negative": cNegative, "desintox": cDesintox, "ridicule": cRidicule,
	"positive": cPositive, "claim": cClaim, "vague": cVague,
	"negator": cNegator, "pronoun_pl": cPronPl, "pronoun_sg": cPronSg, "vague_cond": cVagueCond,
	"follow": cFollow, "own_marker": cOwnMarker, "pledge": cPledge, "figure_word": cFigure,
	"suppress": cSuppress, "praise": cPraise, "deadpan": cDeadpan, "condescend": cCondescend, "pronoun_2": cPron2, "goodwill": cGoodwill, "irony": cIrony,
}

// ConfigCategories lists the lexicon sections a configuration may extend.
var ConfigCategories = []string{"attack", "negative", "desintox", "ridicule", "positive", "claim", "vague"}

// cueRule maps a cue class to the rule whose weight it carries.
func cueRule(c class) (rule, bool) {
	switch c {
	case cAttack:
		return ruleAttack, true
	case cNegative:
		return ruleNegative, true
	case cDesintox:
		return ruleDesintox, true
	case cRidicule:
		return ruleRidicule, true
	}
	return 0, false
}

// info is what the lexicon knows about a word or phrase.
type info struct {
	cls    class
	weight [4]float32 // cue weight for attack, negative, desintox, ridicule
	person int16      // index into Engine.persons, or -1
	immune bool       // carries its own negation ("pas vrai"): not negated again
}

// merge adds o's roles to i. An own-team name is never an opponent.
func (i *info) merge(o info) {
	i.cls |= o.cls
	for k, w := range o.weight {
		i.weight[k] = max(i.weight[k], w)
	}
	if o.person >= 0 && (i.person < 0 || o.cls&cOwn != 0) {
		i.person = o.person
	}
	i.immune = i.immune || o.immune
	if i.cls&cOwn != 0 {
		i.cls &^= cOpponent | cVague | cPronPl | cPronSg
	}
}
