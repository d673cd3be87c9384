package tone

import (
	"fmt"
	"sync"
)

// Engine is a compiled configuration: lexicons expanded into their forms,
// opponents and own team indexed, profiles resolved. It is immutable and
// safe for concurrent use.
type Engine struct {
	lex       lexicon
	persons   []person
	profiles  map[string]profile
	pool      sync.Pool
	model     *Model      // learnt from past decisions; nil if none
	prior     *priorModel // built-in prior learnt from the development sets; nil if none
	hashNames []hashName
}

// person is an opponent or a member of our own team.
type person struct {
	name string
	own  bool
}

// New compiles cfg. A nil cfg means DefaultConfig. It returns a
// *ConfigError when the configuration is invalid.
func New(cfg *Config) (*Engine, error) {
	if cfg == nil {
		cfg = DefaultConfig()
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	e := &Engine{lex: lexicon{}}
	e.pool.New = func() any { return newScratch() }
	if err := e.compileLexicons(cfg); err != nil {
		return nil, err
	}
	if err := e.compilePersons(cfg); err != nil {
		return nil, err
	}
	e.lex.addEval()
	e.lex.finish()
	e.profiles = compileProfiles(cfg.Profiles)
	e.prior = defaultPrior()
	return e, nil
}

func (e *Engine) compileLexicons(cfg *Config) error {
	builtins := []struct {
		lang     string
		sections map[string][]string
	}{
		{"fr", frenchLexicon}, {"fr", frenchGrammar}, {"fr", frenchFrames}, {"fr", frenchFrames2}, {"fr", frenchTrends}, {"fr", frenchNoDelivery}, {"fr", frenchCampaign},
		{"en", englishLexicon}, {"en", englishGrammar}, {"en", englishFrames}, {"en", englishFrames2}, {"en", englishTrends}, {"en", englishNoDelivery}, {"en", englishCampaign},
	}
	for _, b := range builtins {
		if err := e.lex.addSections(b.lang, b.sections); err != nil {
			return fmt.Errorf("built-in lexicon: %w", err)
		}
	}
	for lang, sections := range cfg.Lexicons {
		if err := e.lex.addSections(lang, sections); err != nil {
			return &ConfigError{Field: "lexicons." + lang, Msg: err.Error(), Err: err}
		}
	}
	return nil
}

func (e *Engine) compilePersons(cfg *Config) error {
	add := func(p Person, own bool) error {
		idx := int16(len(e.persons))
		e.persons = append(e.persons, person{name: p.Name, own: own})
		c := cOpponent
		if own {
			c = cOwn
		}
		for _, n := range p.names() {
			if err := e.lex.add("", n+"/=", c, idx); err != nil {
				return fmt.Errorf("name %q: %w", n, err)
			}
		}
		e.addSurname(p, c, idx)
		e.addHashNames(p, idx, own)
		return nil
	}
	for _, p := range cfg.Opponents {
		if err := add(p, false); err != nil {
			return err
		}
	}
	for _, p := range cfg.OwnTeam {
		if err := add(p, true); err != nil {
			return err
		}
	}
	return nil
}

// profile returns the compiled profile for name; unknown names get the
// candidate's rules, the strictest default.
func (e *Engine) profile(name string) profile {
	if p, ok := e.profiles[name]; ok {
		return p
	}
	return e.profiles[ProfileCandidate]
}

// Profiles lists the profile names the engine knows.
func (e *Engine) Profiles() []string {
	out := make([]string, 0, len(e.profiles))
	for n := range e.profiles {
		out = append(out, n)
	}
	return out
}

// addSurname lets the last word of a multi-word name stand for the person
// ("Lacombe" for Bernard Lacombe), as people write, when it is written
// with a capital and is no word the lexicons know ("Petit", "Blanc" are).
func (e *Engine) addSurname(p Person, c class, idx int16) {
	keys := keysOf(p.Name)
	if len(keys) < 2 {
		return
	}
	last := keys[len(keys)-1]
	if len(last) < 3 || e.lex[last] != nil {
		return
	}
	if _, ok := evalPolarity(last); ok {
		return
	}
	in := info{cls: c | cCapital, person: idx}
	e.lex[last] = &entry{single: in, hasSingle: true}
}
