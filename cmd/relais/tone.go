package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/relais/relais/approval/tone"
)

// toneUsage is printed for -h and bad arguments.
const toneUsage = `usage: relais tone check [--config F] [--profile P] [--jsonl] [--examples FILE] [TEXT]

Checks TEXT (or standard input) against the campaign's tone rules and prints
the verdict (ok, warn, block) and each violation. --config reads the YAML
tone configuration (default: built-in rules, no opponents). --profile is
candidate (default), campaign, colistier or a configured profile. With
--jsonl, reads {"text": "...", "lang": "fr"} lines from standard input
(an optional "profile" overrides --profile) and writes one
{"verdict": ..., "violations": [...]} line per input line, in order.
--examples reads {"text": "...", "label": "ok|attack|negative|desintox|ridicule"}
lines and trains a small model on them first: it may add warnings (never
blocks) on posts resembling a labelled violation, citing the nearest one.
A block verdict is printed, not returned as an error.
`

// toneFlags are the options of `relais tone check`.
type toneFlags struct {
	config   string
	profile  string
	jsonl    bool
	examples string
	args     []string
}

// toneCommand runs `relais tone check [--config F] [--profile P] [--jsonl] [TEXT]`.
//
// args are the arguments after "tone" (a leading "tone" is also accepted).
// Flags may come before or after TEXT. It returns an error only for bad
// usage, an unreadable or invalid configuration, or I/O errors.
func toneCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	args, err := checkArgs("tone", args, stderr, toneUsage)
	if err != nil {
		return err
	}
	f, err := parseToneFlags(args, stderr)
	if err != nil {
		return err
	}
	e, err := toneEngine(f.config)
	if err != nil {
		return err
	}
	if e, err = toneWithExamples(e, f.examples); err != nil {
		return err
	}
	if f.jsonl {
		return toneJSONL(e, f.profile, stdin, stdout)
	}
	return toneOne(e, f, stdin, stdout)
}

// parseToneFlags parses flags interleaved with the words of TEXT.
func parseToneFlags(args []string, stderr io.Writer) (toneFlags, error) {
	var f toneFlags
	fs := checkFlagSet("tone", toneUsage, stderr, &f.jsonl)
	fs.StringVar(&f.config, "config", "", "tone configuration YAML file")
	fs.StringVar(&f.profile, "profile", tone.ProfileCandidate, "account profile: candidate, campaign, colistier…")
	fs.StringVar(&f.examples, "examples", "", "JSON-lines file of labelled examples to learn from first")
	for {
		if err := parseFlags(fs, args); err != nil {
			return f, fmt.Errorf("tone check: %w", err)
		}
		if fs.NArg() == 0 {
			break
		}
		f.args = append(f.args, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if f.jsonl && len(f.args) > 0 {
		return f, errors.New("tone check: --jsonl reads standard input; give no TEXT")
	}
	return f, nil
}

// toneEngine compiles the configuration at path, or the default one.
func toneEngine(path string) (*tone.Engine, error) {
	cfg := tone.DefaultConfig()
	if path != "" {
		var err error
		if cfg, err = tone.LoadConfig(path); err != nil {
			return nil, fmt.Errorf("tone check: %w", err)
		}
	}
	e, err := tone.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("tone check: %w", err)
	}
	return e, nil
}

// toneOne checks TEXT, or all of stdin, and prints the result readably.
func toneOne(e *tone.Engine, f toneFlags, stdin io.Reader, stdout io.Writer) error {
	text, err := inputText("tone check", f.args, stdin)
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, formatToneResult(text, f.profile, e.Check(text, f.profile)))
	return err
}

// formatToneResult renders a result for people:
//
//	verdict: block (profile candidate)
//	- attack [block] Attaque personnelle contre Bernard Lacombe (« ment »)…
//	  Personal attack on Bernard Lacombe ("ment")…
//	  target «Lacombe» 0-7 · cue «ment» 8-12
func formatToneResult(text, profile string, r tone.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "verdict: %s (profile %s)\n", r.Verdict, profile)
	if r.InvalidUTF8 {
		b.WriteString("note: the text is not valid UTF-8; invalid bytes were read as spaces\n")
	}
	for _, v := range r.Violations {
		fmt.Fprintf(&b, "- %s [%s] %s\n  %s\n  ", v.Rule, v.Severity, v.MessageFR, v.MessageEN)
		for i, sp := range v.Spans {
			if i > 0 {
				b.WriteString(" · ")
			}
			fmt.Fprintf(&b, "%s «%s» %d-%d", sp.Role, strings.ToValidUTF8(text[sp.Start:sp.End], "\uFFFD"), sp.Start, sp.End)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// toneLine is one --jsonl input line.
type toneLine struct {
	textInput
	Lang    string `json:"lang"`
	Profile string `json:"profile"`
}

// toneJSONL reads one JSON object a line and writes one result a line, in
// order; a line that cannot be checked yields {"error": "line N: ..."}.
func toneJSONL(e *tone.Engine, profile string, stdin io.Reader, stdout io.Writer) error {
	return checkLines("tone check", stdin, stdout, func(line []byte) (any, error) {
		return toneLineResult(e, profile, line)
	})
}

// toneLineResult checks one input line.
func toneLineResult(e *tone.Engine, profile string, line []byte) (any, error) {
	var in toneLine
	text, err := decodeTextLine(line, &in)
	if err != nil {
		return nil, err
	}
	if in.Lang != "" && in.Lang != "fr" && in.Lang != "en" {
		return nil, fmt.Errorf("unknown lang %q (want fr or en)", in.Lang)
	}
	return e.Check(text, cmp.Or(in.Profile, profile)), nil
}
