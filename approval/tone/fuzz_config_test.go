package tone

import (
	"errors"
	"testing"
)

// FuzzParseConfig: any YAML either compiles or fails with an error (a
// *ConfigError for shape problems), never a panic, and a configuration
// that parses always compiles into an engine that checks text.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("opponents:\n  - name: Bernard Lacombe\n    aliases: [Lacombe, \"@blacombe\"]\n"))
	f.Add([]byte("profiles:\n  campaign: {attack: block, negative: warn}\n"))
	f.Add([]byte("lexicons:\n  fr: {attack: [magouilleur, mentir/v3]}\n"))
	f.Add([]byte("own_team: [Claire Morel]\nopponents: [Tolliver]\n"))
	f.Add([]byte("profiles: 3\n"))
	f.Add([]byte("\t- [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := ParseConfig(data)
		if err != nil {
			var ce *ConfigError
			if errors.As(err, &ce) && ce.Line < 0 {
				t.Fatalf("negative line in %v", ce)
			}
			return
		}
		e, err := New(cfg)
		if err != nil {
			return
		}
		r := e.Check("Bernard Lacombe ment, lol 😂", "candidate")
		if r.Verdict != "ok" && r.Verdict != "warn" && r.Verdict != "block" {
			t.Fatalf("verdict %q", r.Verdict)
		}
	})
}
