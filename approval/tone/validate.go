package tone

import (
	"fmt"
	"slices"
	"strings"
)

// Validate checks a configuration built in code; ParseConfig runs the same
// checks with line numbers. It returns a *ConfigError.
func (c *Config) Validate() error {
	for i, p := range c.Opponents {
		if err := checkPerson(p, fmt.Sprintf("opponents[%d]", i)); err != nil {
			return err
		}
	}
	for i, p := range c.OwnTeam {
		if err := checkPerson(p, fmt.Sprintf("own_team[%d]", i)); err != nil {
			return err
		}
	}
	for name, p := range c.Profiles {
		for r, sev := range p {
			if msg := checkProfileEntry(r, sev); msg != "" {
				return &ConfigError{Field: "profiles." + name + "." + r, Msg: msg}
			}
		}
	}
	return c.validateLexicons()
}

func (c *Config) validateLexicons() error {
	for lang, sections := range c.Lexicons {
		if msg := checkLang(lang); msg != "" {
			return &ConfigError{Field: "lexicons." + lang, Msg: msg}
		}
		for cat, specs := range sections {
			field := "lexicons." + lang + "." + cat
			if msg := checkCategory(cat); msg != "" {
				return &ConfigError{Field: field, Msg: msg}
			}
			for i, spec := range specs {
				if err := checkSpec(spec); err != nil {
					return &ConfigError{Field: fmt.Sprintf("%s[%d]", field, i), Msg: err.Error(), Err: err}
				}
			}
		}
	}
	return nil
}

func checkPerson(p Person, field string) error {
	if strings.TrimSpace(p.Name) == "" {
		return &ConfigError{Field: field + ".name", Msg: "name is required"}
	}
	for _, n := range p.names() {
		if len(keysOf(n)) == 0 {
			return &ConfigError{Field: field, Msg: fmt.Sprintf("name or alias %q has no letters or digits", n)}
		}
	}
	return nil
}

// checkProfileEntry returns a problem with rule: severity, or "".
func checkProfileEntry(r, sev string) string {
	if _, ok := ruleByName(r); !ok {
		return fmt.Sprintf("unknown rule %q (want %s)", r, strings.Join(ruleNames[:], ", "))
	}
	if _, ok := parseSeverity(sev); !ok {
		return fmt.Sprintf("unknown severity %q (want block, warn or off)", sev)
	}
	if r == RuleStyle && sev == SeverityBlock {
		return "style never blocks on its own (want warn or off)"
	}
	return ""
}

func checkLang(lang string) string {
	if lang != "fr" && lang != "en" {
		return fmt.Sprintf("unknown language %q (want fr or en)", lang)
	}
	return ""
}

func checkCategory(cat string) string {
	if !slices.Contains(ConfigCategories, cat) {
		return fmt.Sprintf("unknown lexicon section %q (want %s)", cat, strings.Join(ConfigCategories, ", "))
	}
	return ""
}

func checkSpec(spec string) error {
	w, err := parseSpec(spec)
	if err != nil {
		return err
	}
	if len(keysOf(w.lemma)) == 0 {
		return fmt.Errorf("entry %q has no letters, digits or emoji", spec)
	}
	return nil
}
