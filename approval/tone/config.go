package tone

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Config is the tone configuration, in the YAML shape of issue 3:
//
//	opponents:
//	  - name: Bernard Lacombe
//	    aliases: [Lacombe, "@blacombe"]
//	own_team:
//	  - name: Claire Morel
//	profiles:
//	  candidate: {attack: block, negative: block, desintox: block, ridicule: block}
//	  campaign:  {attack: block, negative: warn,  desintox: warn,  ridicule: block}
//	lexicons:          # optional additions per rule and language
//	  fr: {attack: [magouilleur]}
//	lexicon_files:     # optional word lists, one entry a line
//	  - {lang: fr, section: attack, path: attaques.txt}
//
// The built-in lexicons are always loaded; Lexicons only adds to them.
type Config struct {
	Opponents []Person                       `yaml:"opponents" json:"opponents"`
	OwnTeam   []Person                       `yaml:"own_team" json:"own_team"`
	Profiles  map[string]Profile             `yaml:"profiles" json:"profiles"`
	Lexicons  map[string]map[string][]string `yaml:"lexicons" json:"lexicons"`
}

// Person is an opponent or a member of our own team. Aliases and Handles
// are matched like the name (case and accents ignored); handles keep "@".
type Person struct {
	Name    string   `yaml:"name" json:"name"`
	Aliases []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	Handles []string `yaml:"handles,omitempty" json:"handles,omitempty"`
	Role    string   `yaml:"role,omitempty" json:"role,omitempty"` // e.g. candidate, colistier
}

// Profile maps rule names to severities: block, warn or off.
type Profile map[string]string

func (p Person) names() []string {
	out := append([]string{p.Name}, p.Aliases...)
	return append(out, p.Handles...)
}

// ConfigError is an invalid configuration: the YAML line (0 when the
// configuration did not come from YAML), the field path and the problem.
type ConfigError struct {
	Line  int
	Field string
	Msg   string
	Err   error // the underlying error, if any
}

// Error implements error: "tone config: line 7: profiles.campaign.attack: …".
func (e *ConfigError) Error() string {
	var b strings.Builder
	b.WriteString("tone config: ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the underlying error.
func (e *ConfigError) Unwrap() error { return e.Err }

// DefaultConfig returns the built-in profiles (candidate, campaign,
// colistier) with no opponents, no own team and no lexicon additions.
func DefaultConfig() *Config {
	return &Config{
		Profiles: map[string]Profile{
			ProfileCandidate: {RuleAttack: SeverityBlock, RuleNegative: SeverityBlock, RuleDesintox: SeverityBlock, RuleRidicule: SeverityBlock, RuleStyle: SeverityWarn, RuleObfuscation: SeverityWarn},
			ProfileCampaign:  {RuleAttack: SeverityBlock, RuleNegative: SeverityWarn, RuleDesintox: SeverityWarn, RuleRidicule: SeverityBlock, RuleStyle: SeverityWarn, RuleObfuscation: SeverityWarn},
			ProfileColistier: {RuleAttack: SeverityBlock, RuleNegative: SeverityBlock, RuleDesintox: SeverityBlock, RuleRidicule: SeverityBlock, RuleStyle: SeverityWarn, RuleObfuscation: SeverityWarn},
		},
	}
}

// LoadConfig reads and parses the YAML file at path.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("tone config: %w", err)
	}
	cfg, err := parseConfigIn(data, filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}
