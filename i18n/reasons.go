package i18n

// Routing reasons: approval stores these keys in a post's routing, each
// reader sees them in her language.
const (
	ReasonMarked       = "reason.marked"
	ReasonOpponent     = "reason.opponent"
	ReasonPledge       = "reason.pledge"
	ReasonFigures      = "reason.figures"
	ReasonTone         = "reason.tone"
	ReasonByCandidate  = "reason.by_candidate"
	ReasonRoutine      = "reason.routine"
	ReasonNotCandidate = "reason.not_candidate"
)

// legacyReasons maps the French sentences older versions stored as
// routing reasons to their keys, so that old rows display per reader.
var legacyReasons = map[string]string{
	"sensible : marqué sensible par l'auteur":                           ReasonMarked,
	"sensible : cite un adversaire":                                     ReasonOpponent,
	"sensible : engagement de campagne":                                 ReasonPledge,
	"sensible : cite des chiffres":                                      ReasonFigures,
	"sensible : avertissement de ton":                                   ReasonTone,
	"rédigé par la candidate : validation par un·e responsable web":     ReasonByCandidate,
	"routine : validation par un·e responsable web":                     ReasonRoutine,
	"hors compte de la candidate : validation par un·e responsable web": ReasonNotCandidate,
}

// Reason renders a stored routing reason in lang: a key, or a sentence an
// older version stored (an unknown one is returned as stored).
func Reason(lang, stored string) string {
	if k, ok := legacyReasons[stored]; ok {
		stored = k
	}
	if Has(stored) {
		return T(lang, stored, nil)
	}
	return stored
}

func init() {
	add(map[string][2]string{
		ReasonMarked:       {"sensible : marqué sensible par l'auteur", "sensitive: marked sensitive by the author"},
		ReasonOpponent:     {"sensible : cite un adversaire", "sensitive: names an opponent"},
		ReasonPledge:       {"sensible : engagement de campagne", "sensitive: campaign pledge"},
		ReasonFigures:      {"sensible : cite des chiffres", "sensitive: quotes figures"},
		ReasonTone:         {"sensible : avertissement de ton", "sensitive: tone warning"},
		ReasonByCandidate:  {"rédigé par la candidate : validation par un·e responsable web", "written by the candidate: approved by a web lead"},
		ReasonRoutine:      {"routine : validation par un·e responsable web", "routine: approved by a web lead"},
		ReasonNotCandidate: {"hors compte de la candidate : validation par un·e responsable web", "not on the candidate's accounts: approved by a web lead"},
	})
}
