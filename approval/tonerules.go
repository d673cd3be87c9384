package approval

import (
	"encoding/json"

	"github.com/relais/relais/approval/tone"
)

// ToneRules adapts the tone engine's reloadable checker to ToneChecker.
type ToneRules struct {
	Checker *tone.Checker
}

// Check implements ToneChecker.
func (t ToneRules) Check(text, profile string) (string, json.RawMessage) {
	r := t.Checker.Check(text, profile)
	vs, err := json.Marshal(r.Violations)
	if err != nil || r.Violations == nil {
		vs = json.RawMessage("[]")
	}
	return r.Verdict, vs
}

// Signals implements ToneChecker.
func (t ToneRules) Signals(text string) (opponent, pledge, figures bool) {
	s := t.Checker.Signals(text)
	return s.Opponent, s.Pledge, s.Figures
}

// Profiles lists the running rules' profiles.
func (t ToneRules) Profiles() []string { return t.Checker.Engine().Profiles() }

// Anonymize implements anonymizer.
func (t ToneRules) Anonymize(text string) string { return t.Checker.Anonymize(text) }

// Learn implements learner.
func (t ToneRules) Learn(examples []tone.Example) error { return t.Checker.Learn(examples) }

// Proposals implements proposer.
func (t ToneRules) Proposals(n int) []tone.Proposal { return t.Checker.Proposals(n) }
