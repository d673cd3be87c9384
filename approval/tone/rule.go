package tone

// rule indexes the tone rules inside the engine.
type rule uint8

const (
	ruleAttack rule = iota
	ruleNegative
	ruleDesintox
	ruleRidicule
	ruleStyle
	ruleObfuscation
	numRules
)

// Rule names as they appear in configuration and results.
const (
	RuleAttack   = "attack"
	RuleNegative = "negative"
	RuleDesintox = "desintox"
	RuleRidicule = "ridicule"
	RuleStyle    = "style"
)

var ruleNames = [numRules]string{RuleAttack, RuleNegative, RuleDesintox, RuleRidicule, RuleStyle, RuleObfuscation}

// Rules lists the rule names in a stable order.
func Rules() []string { return append([]string(nil), ruleNames[:]...) }

func (r rule) String() string { return ruleNames[r] }

func ruleByName(name string) (rule, bool) {
	for i, n := range ruleNames {
		if n == name {
			return rule(i), true
		}
	}
	return 0, false
}

// severity is the compiled form of a profile entry.
type severity uint8

const (
	sevOff severity = iota
	sevWarn
	sevBlock
)

func parseSeverity(s string) (severity, bool) {
	switch s {
	case SeverityBlock:
		return sevBlock, true
	case SeverityWarn:
		return sevWarn, true
	case SeverityOff, "allow", "none":
		return sevOff, true
	}
	return sevOff, false
}

func (s severity) String() string {
	switch s {
	case sevBlock:
		return SeverityBlock
	case sevWarn:
		return SeverityWarn
	}
	return SeverityOff
}

// profile maps each rule to its severity.
type profile [numRules]severity

var (
	candidateProfile = profile{sevBlock, sevBlock, sevBlock, sevBlock, sevWarn, sevWarn}
	campaignProfile  = profile{sevBlock, sevWarn, sevWarn, sevBlock, sevWarn, sevWarn}
)

// RuleObfuscation reports characters hidden inside words (zero-width or
// format characters, look-alike letters of another script, full-width or
// other compatibility letters mixed into a word).
const RuleObfuscation = "obfuscation"
