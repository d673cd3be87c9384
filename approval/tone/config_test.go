package tone

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseConfigIssueShape(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig("testdata/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Opponents) != 2 || cfg.Opponents[0].Name != "Bernard Lacombe" || cfg.Opponents[0].Aliases[1] != "@blacombe" {
		t.Errorf("opponents: %+v", cfg.Opponents)
	}
	if cfg.Profiles[ProfileCampaign][RuleNegative] != SeverityWarn || cfg.Lexicons["fr"]["attack"][0] != "magouilleur" {
		t.Errorf("profiles/lexicons: %+v %+v", cfg.Profiles, cfg.Lexicons)
	}
}

func TestParseConfigErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, yaml string
		line       int
		field      string
	}{
		{"syntax", "opponents:\n  - name: Lacombe\n    aliases: x: y\n", 3, ""},
		{"unknown top field", "opponents: []\noponents: []\n", 2, "oponents"},
		{"severity", "profiles:\n  campaign:\n    attack: blok\n", 3, "profiles.campaign.attack"},
		{"rule", "profiles:\n  campaign: {atack: block}\n", 2, "profiles.campaign.atack"},
		{"style block", "profiles:\n  campaign:\n    style: block\n", 3, "profiles.campaign.style"},
		{"missing name", "opponents:\n  - aliases: [x]\n", 2, "opponents[0].name"},
		{"aliases not list", "opponents:\n  - name: X\n    aliases: Lacombe\n", 3, "opponents[0].aliases"},
		{"person field", "own_team:\n  - name: Claire\n    nom: Morel\n", 3, "own_team[0].nom"},
		{"lexicon lang", "lexicons:\n  de: {attack: [x]}\n", 2, "lexicons.de"},
		{"lexicon section", "lexicons:\n  fr:\n    insult: [x]\n", 3, "lexicons.fr.insult"},
		{"lexicon weight", "lexicons:\n  fr:\n    attack:\n      - ok\n      - mot~abc\n", 5, "lexicons.fr.attack[1]"},
		{"duplicate", "profiles:\n  campaign: {}\n  campaign: {}\n", 3, "profiles.campaign"},
		{"not a mapping", "- a\n- b\n", 1, ""},
	}
	for _, c := range cases {
		_, err := ParseConfig([]byte(c.yaml))
		var ce *ConfigError
		if !errors.As(err, &ce) {
			t.Errorf("%s: got %v, want a *ConfigError", c.name, err)
			continue
		}
		if ce.Line != c.line || ce.Field != c.field {
			t.Errorf("%s: got line %d field %q (%v), want line %d field %q", c.name, ce.Line, ce.Field, err, c.line, c.field)
		}
		if !strings.Contains(err.Error(), "line ") {
			t.Errorf("%s: message lacks the line: %v", c.name, err)
		}
	}
}

func TestParseConfigEmptyAndBarePersons(t *testing.T) {
	t.Parallel()
	cfg, err := ParseConfig(nil)
	if err != nil || len(cfg.Opponents) != 0 {
		t.Fatalf("empty: %+v %v", cfg, err)
	}
	cfg, err = ParseConfig([]byte("opponents: [Tolliver, {name: Bernard Lacombe}]\n"))
	if err != nil || len(cfg.Opponents) != 2 || cfg.Opponents[0].Name != "Tolliver" {
		t.Fatalf("bare names: %+v %v", cfg, err)
	}
}

func TestValidateInCode(t *testing.T) {
	t.Parallel()
	_, err := New(&Config{Opponents: []Person{{Name: " "}}})
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.Field != "opponents[0].name" {
		t.Fatalf("got %v", err)
	}
}

func TestLexiconAdditions(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	// magouilleur comes from testdata/config.yaml, expanded to its feminine plural.
	if !e.Check("Lacombe et ses amies magouilleuses.", ProfileCandidate).Has(RuleAttack) {
		t.Error("configured lexicon word not expanded")
	}
	if e2, _ := New(DefaultConfig()); e2.Check("Lacombe magouilleur", ProfileCandidate).Verdict != VerdictOK {
		t.Error("no opponents in the default configuration")
	}
}

func TestCheckerReload(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "tone.yaml")
	mustWrite(t, path, "opponents: [Lacombe]\n")
	c := NewChecker(nil)
	if err := c.ReloadFile(path); err != nil {
		t.Fatal(err)
	}
	if c.Check("Lacombe ment.", ProfileCandidate).Verdict != VerdictBlock {
		t.Fatal("reloaded configuration not in force")
	}
	old := c.Engine()
	mustWrite(t, path, "opponents: [Lacombe]\nprofiles:\n  candidate: {attack: sometimes}\n")
	err := c.ReloadFile(path)
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("bad reload: got %v", err)
	}
	if c.Engine() != old || c.Check("Lacombe ment.", ProfileCandidate).Verdict != VerdictBlock {
		t.Fatal("a failed reload must keep the running configuration")
	}
	if err := c.ReloadFile(filepath.Join(dir, "missing.yaml")); err == nil || c.Engine() != old {
		t.Fatal("missing file must fail and keep the engine")
	}
	if err := c.Reload(&Config{OwnTeam: []Person{{}}}); err == nil || c.Engine() != old {
		t.Fatal("invalid Config must fail and keep the engine")
	}
}

func mustWrite(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}
