package tone

// Verdicts, from the mildest to the strictest.
const (
	VerdictOK    = "ok"
	VerdictWarn  = "warn"
	VerdictBlock = "block"
)

// Severities a profile assigns to a rule. SeverityOff disables the rule.
const (
	SeverityBlock = "block"
	SeverityWarn  = "warn"
	SeverityOff   = "off"
)

// Span roles.
const (
	RoleTarget  = "target"
	RoleCue     = "cue"
	RoleNegator = "negator"
)

// Result is the outcome of a tone check.
type Result struct {
	Verdict    string      `json:"verdict"`    // "ok" | "warn" | "block"
	Violations []Violation `json:"violations"` // never nil: [] in JSON
	// InvalidUTF8 reports that the text was not valid UTF-8. The text is
	// still checked (invalid bytes separate words, so they cannot hide a
	// cue), and offsets still index the original bytes.
	InvalidUTF8 bool `json:"invalid_utf8,omitempty"`
}

// Violation is one broken rule, explained in French and English, with the
// spans of the text that triggered it.
type Violation struct {
	Rule      string `json:"rule"`     // attack|negative|desintox|ridicule|style
	Severity  string `json:"severity"` // block|warn
	MessageFR string `json:"message_fr"`
	MessageEN string `json:"message_en"`
	Spans     []Span `json:"spans"`
}

// Span locates a part of the text: Start and End are byte offsets (for Go),
// Start16 and End16 UTF-16 code-unit offsets (for the browser). Role is
// target, cue or negator.
type Span struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Start16 int    `json:"start16"`
	End16   int    `json:"end16"`
	Role    string `json:"role"`
}

// Signals feed approval routing: a post on the candidate's account is
// sensitive if it names an opponent, makes a pledge or quotes figures.
type Signals struct {
	Opponent bool `json:"opponent"`
	Pledge   bool `json:"pledge"`
	Figures  bool `json:"figures"`
}

// Blocked reports whether the verdict is block.
func (r Result) Blocked() bool { return r.Verdict == VerdictBlock }

// Has reports whether r holds a violation of the named rule.
func (r Result) Has(rule string) bool {
	for _, v := range r.Violations {
		if v.Rule == rule {
			return true
		}
	}
	return false
}
