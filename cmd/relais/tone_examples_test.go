package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// toneExamples are past decisions: saying the opponent "roule pour" some
// interest was turned down as an attack; plain mentions were fine.
const toneExamples = `{"text": "Bernard Lacombe roule pour les promoteurs immobiliers.", "label": "attack"}
{"text": "Lacombe roule pour les promoteurs, pas pour vous.", "label": "attack"}
{"text": "Encore une fois Lacombe roule pour ses amis promoteurs.", "label": "attack"}

{"text": "Débat ce soir avec Bernard Lacombe à la mairie du 12e.", "label": "ok"}
{"text": "Claire Morel présente notre projet pour les crèches jeudi.", "label": "ok"}
{"text": "Rendez-vous au marché d'Aligre samedi matin.", "label": "ok"}
`

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestToneCheckExamples: --examples trains on past decisions first; a post
// the rules let through but that resembles a turned-down attack gets a
// warning (never a block) citing it, with names as placeholders.
func TestToneCheckExamples(t *testing.T) {
	cfg := mustToneConfig(t, toneTestConfig)
	ex := writeFile(t, "examples.jsonl", toneExamples)
	post := `{"text": "Lacombe roule pour les promoteurs du quartier."}` + "\n" + `{"text": "Débat avec Lacombe jeudi soir."}` + "\n"
	out, _, err := runTone(t, post, "check", "--config", cfg, "--jsonl")
	if err != nil || !strings.HasPrefix(out, `{"verdict":"ok"`) {
		t.Fatalf("without examples: %v %s", err, out)
	}
	out, _, err = runTone(t, post, "check", "--config", cfg, "--jsonl", "--examples", ex)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var first, second struct {
		Verdict    string `json:"verdict"`
		Violations []struct {
			Rule      string `json:"rule"`
			MessageFR string `json:"message_fr"`
		} `json:"violations"`
	}
	if json.Unmarshal([]byte(lines[0]), &first) != nil || json.Unmarshal([]byte(lines[1]), &second) != nil {
		t.Fatalf("bad output %s", out)
	}
	if first.Verdict != "warn" || len(first.Violations) != 1 || first.Violations[0].Rule != "attack" ||
		!strings.Contains(first.Violations[0].MessageFR, "@adversaire roule pour") {
		t.Errorf("with examples: %s", lines[0])
	}
	if second.Verdict != "ok" {
		t.Errorf("a plain mention must stay ok: %s", lines[1])
	}
}

func TestToneCheckExamplesErrors(t *testing.T) {
	for body, want := range map[string]string{
		`{"text": "x", "label": "insult"}`: `line 1: field "label": unknown label "insult"`,
		"\n{\"label\": \"ok\"}":            `line 2: field "text" is missing`,
		"{not json":                        "line 1: not a JSON object",
	} {
		ex := writeFile(t, "bad.jsonl", body)
		_, _, err := runTone(t, "", "check", "--examples", ex, "texte")
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "bad.jsonl") {
			t.Errorf("%q: got %v, want %q", body, err, want)
		}
	}
	_, _, err := runTone(t, "", "check", "--examples", filepath.Join(t.TempDir(), "missing.jsonl"), "texte")
	if err == nil || !strings.Contains(err.Error(), "missing.jsonl") {
		t.Errorf("missing file: %v", err)
	}
}
