package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const toneTestConfig = `opponents:
  - name: Bernard Lacombe
    aliases: [Lacombe, "@blacombe"]
own_team:
  - name: Claire Morel
profiles:
  campaign: {attack: block, negative: warn, desintox: warn, ridicule: block}
`

// mustToneConfig writes the test configuration and returns its path.
func mustToneConfig(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "tone.yaml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func runTone(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := toneCommand(args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestToneCheckText(t *testing.T) {
	cfg := mustToneConfig(t, toneTestConfig)
	out, _, err := runTone(t, "", "check", "--config", cfg, "--profile", "candidate", "Lacombe ment aux Parisiens.")
	if err != nil {
		t.Fatalf("block must not be an error: %v", err)
	}
	for _, want := range []string{"verdict: block", "- attack [block]", "target «Lacombe» 0-7", "cue «ment» 8-12"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestToneCheckFlagsAfterText(t *testing.T) {
	cfg := mustToneConfig(t, toneTestConfig)
	out, _, err := runTone(t, "", "tone", "check", "Lacombe", "veut", "fermer", "les", "écoles", "--config", cfg, "--profile", "campaign")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "verdict: warn (profile campaign)") {
		t.Errorf("got %q", out)
	}
}

func TestToneCheckStdin(t *testing.T) {
	out, _, err := runTone(t, "Merci à toutes et à tous pour ce meeting !\n", "check")
	if err != nil || !strings.HasPrefix(out, "verdict: ok") {
		t.Fatalf("got %q, %v", out, err)
	}
}

func TestToneCheckJSONL(t *testing.T) {
	cfg := mustToneConfig(t, toneTestConfig)
	in := `{"text": "Lacombe ment encore.", "lang": "fr"}
not json
{"lang": "fr"}
{"text": "Pas de mauvaise surprise dans notre budget", "lang": "fr"}
{"text": "Lacombe veut fermer les écoles", "lang": "fr", "profile": "campaign"}
`
	out, _, err := runTone(t, in, "check", "--jsonl", "--config", cfg)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("want 5 lines, got %d:\n%s", len(lines), out)
	}
	want := []string{`"verdict":"block"`, `{"error":"line 2: `, `{"error":"line 3: missing \"text\""}`, `{"verdict":"ok","violations":[]}`, `"verdict":"warn"`}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("line %d = %s, want it to contain %s", i+1, lines[i], w)
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &v); err != nil {
			t.Errorf("line %d is not JSON: %v", i+1, err)
		}
	}
}

func TestToneCheckUsageErrors(t *testing.T) {
	cases := map[string][]string{
		"no subcommand":   {},
		"bad subcommand":  {"verify"},
		"unknown flag":    {"check", "--nope", "x"},
		"missing config":  {"check", "--config", "/nonexistent/tone.yaml", "x"},
		"jsonl with text": {"check", "--jsonl", "x"},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			if _, _, err := runTone(t, "", args...); err == nil {
				t.Error("want an error")
			}
		})
	}
}

func TestToneCheckBadConfigNamesLine(t *testing.T) {
	cfg := mustToneConfig(t, "profiles:\n  campaign:\n    attack: blok\n")
	_, _, err := runTone(t, "", "check", "--config", cfg, "x")
	if err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), "profiles.campaign.attack") {
		t.Fatalf("got %v", err)
	}
}
