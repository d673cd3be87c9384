package tone

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestLexiconFiles: entries of a lexicon file count like inline ones; a
// missing file or a bad entry is an error naming the YAML line, the field
// and the file's line, and a reload that fails keeps the old rules.
func TestLexiconFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "attaques.txt"), "# mots du QG\nracketteur\n\nsaltimbanque/n\n")
	cfgPath := filepath.Join(dir, "tone.yaml")
	mustWrite(t, cfgPath, "opponents: [Lacombe]\nlexicon_files:\n  - {lang: fr, section: attack, path: attaques.txt}\n")
	c := NewChecker(nil)
	if err := c.ReloadFile(cfgPath); err != nil {
		t.Fatal(err)
	}
	if r := c.Check("Lacombe, ce saltimbanque.", ProfileCandidate); !r.Has(RuleAttack) {
		t.Fatalf("file entry not in force: %s", describe(r))
	}
	old := c.Engine()
	cases := []struct{ yaml, file, field, want string }{
		{"opponents: [Lacombe]\nlexicon_files:\n  - {lang: fr, section: attack, path: absent.txt}\n", "", "lexicon_files[0].path", "absent.txt"},
		{"opponents: [Lacombe]\nlexicon_files:\n  - {lang: fr, section: attack, path: bad.txt}\n", "ok\nmot~abc\n", "lexicon_files[0].path", "bad.txt:2"},
		{"lexicon_files:\n  - {lang: de, section: attack, path: x.txt}\n", "", "lexicon_files[0].lang", "unknown language"},
		{"lexicon_files:\n  - {lang: fr, section: insulte, path: x.txt}\n", "", "lexicon_files[0].section", "unknown lexicon section"},
		{"opponents:\n  - name: \"\"\n", "", "opponents[0].name", "name is required"},
	}
	for _, c2 := range cases {
		if c2.file != "" {
			mustWrite(t, filepath.Join(dir, "bad.txt"), c2.file)
		}
		mustWrite(t, cfgPath, c2.yaml)
		err := c.ReloadFile(cfgPath)
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Field != c2.field || ce.Line == 0 || !strings.Contains(err.Error(), c2.want) ||
			!strings.Contains(err.Error(), "tone.yaml") {
			t.Errorf("%q: got %v, want field %s and %q", c2.yaml, err, c2.field, c2.want)
		}
		if c.Engine() != old {
			t.Errorf("%q: a failed reload replaced the rules", c2.yaml)
		}
	}
}
