package tone

import (
	"fmt"
	"sync/atomic"
)

// Checker holds the current Engine and swaps it atomically on reload, so
// checks in flight finish on the engine they started with and a bad
// configuration never replaces a good one.
type Checker struct {
	cur   atomic.Pointer[Engine]
	model atomic.Pointer[Model] // learnt from past decisions, kept across reloads
}

// NewChecker returns a Checker serving e (the default engine if e is nil).
func NewChecker(e *Engine) *Checker {
	if e == nil {
		var err error
		if e, err = New(nil); err != nil {
			panic(fmt.Sprintf("tone: default configuration does not compile: %v", err))
		}
	}
	c := &Checker{}
	c.cur.Store(e)
	return c
}

// Engine returns the engine in force.
func (c *Checker) Engine() *Engine { return c.cur.Load() }

// Check runs the engine in force.
func (c *Checker) Check(text, profile string) Result { return c.Engine().Check(text, profile) }

// Signals runs the engine in force.
func (c *Checker) Signals(text string) Signals { return c.Engine().Signals(text) }

// Reload compiles cfg and swaps it in. On error the old engine stays.
func (c *Checker) Reload(cfg *Config) error {
	e, err := New(cfg)
	if err != nil {
		return fmt.Errorf("tone reload: %w", err)
	}
	if m := c.model.Load(); m != nil {
		e = e.WithModel(m)
	}
	c.cur.Store(e)
	return nil
}

// Learn trains the model on examples (names already replaced by role
// placeholders) and puts it in force; it stays in force across reloads.
func (c *Checker) Learn(examples []Example) error {
	e := c.Engine()
	m, err := e.Train(examples)
	if err != nil {
		return fmt.Errorf("tone learn: %w", err)
	}
	c.model.Store(m)
	c.cur.Store(e.WithModel(m))
	return nil
}

// Anonymize runs the engine in force; see Engine.Anonymize.
func (c *Checker) Anonymize(text string) string { return c.Engine().Anonymize(text) }

// ReloadFile loads the YAML file at path and swaps it in. On error (missing
// file, malformed YAML, invalid field) the old engine stays.
func (c *Checker) ReloadFile(path string) error {
	cfg, err := LoadConfig(path)
	if err != nil {
		return fmt.Errorf("tone reload: %w", err)
	}
	return c.Reload(cfg)
}

// Proposals lists lexicon additions the learnt model suggests (none before
// Learn); see Model.Proposals.
func (c *Checker) Proposals(n int) []Proposal {
	m := c.model.Load()
	if m == nil {
		return nil
	}
	return m.Proposals(c.Engine(), n)
}
