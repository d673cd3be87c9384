package approval

import (
	"context"
	"slices"

	"github.com/relais/relais"
	"github.com/relais/relais/approval/tone"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// Learning from decisions: a refusal or request for changes that names a
// tone rule (DecisionInput.ToneRule), and an admin override (label ok),
// are kept as labelled examples with names replaced by role placeholders;
// the tone model is retrained on them after each one.

// toneRules are the rules a decision may name.
var toneRules = []string{tone.RuleAttack, tone.RuleNegative, tone.RuleDesintox, tone.RuleRidicule}

// anonymizer replaces names by role placeholders (tone.Checker does).
type anonymizer interface{ Anonymize(text string) string }

// learner trains the tone model on examples (tone.Checker does).
type learner interface {
	Learn(examples []tone.Example) error
}

// proposer suggests lexicon additions from the learnt model.
type proposer interface{ Proposals(n int) []tone.Proposal }

// ToneProposals lists up to n lexicon additions the campaign's decisions
// suggest, for an admin to accept into the tone rules (admins and
// editors).
func (s *Service) ToneProposals(ctx context.Context, n int) ([]tone.Proposal, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.SettingsOpen, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Only admins and editors see the tone proposals.")
	}
	if p, ok := s.tone.(proposer); ok {
		return p.Proposals(n), nil
	}
	return nil, nil
}

// checkToneRule validates DecisionInput.ToneRule.
func checkToneRule(rule string) error {
	if rule == "" || slices.Contains(toneRules, rule) {
		return nil
	}
	return relais.FieldErrorf("tone_rule", "Unknown tone rule %q: attack, negative, desintox or ridicule.", rule).With("error.tone_rule_unknown", "value", rule)
}

// recordToneExample stores p's text, anonymised, with label.
func (s *Service) recordToneExample(tx *store.Tx, m *relais.Member, p *relais.Post, label, source, reason string) error {
	text := p.Text
	if a, ok := s.tone.(anonymizer); ok {
		text = a.Anonymize(text)
	}
	return tx.AddToneExample(&relais.ToneExample{PostID: p.ID, MemberID: m.ID, Text: text, Label: label,
		Source: source, Reason: reason})
}

// Relearn retrains the tone model on the stored examples, if the tone
// checker learns. It runs at start and after each new example.
func (s *Service) Relearn(ctx context.Context) error {
	l, ok := s.tone.(learner)
	if !ok {
		return nil
	}
	var ex []relais.ToneExample
	if err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		ex, err = tx.ToneExamples(0)
		return err
	}); err != nil {
		return err
	}
	if len(ex) == 0 {
		return nil
	}
	out := make([]tone.Example, len(ex))
	for i, e := range ex {
		out[i] = tone.Example{Text: e.Text, Label: e.Label}
	}
	return l.Learn(out)
}

// ToneExamples lists the stored examples, newest first (admins and
// editors: the settings page shows them).
func (s *Service) ToneExamples(ctx context.Context, limit int) ([]relais.ToneExample, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.SettingsOpen, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Only admins and editors see the tone examples.")
	}
	var out []relais.ToneExample
	err = s.store.View(ctx, func(tx *store.Tx) error {
		out, err = tx.ToneExamples(limit)
		return err
	})
	return out, err
}
