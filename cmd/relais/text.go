package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/relais/relais/connectors/textlen"
)

// textUsage is printed for -h and bad arguments.
const textUsage = `usage: relais text check --platform P [--max-chars N] [--url-length N] [--jsonl] [TEXT]

Measures TEXT (or standard input) as platform P counts it and prints the
problems. With --jsonl, reads {"text": ..., "platform": ...} lines from
standard input and writes one JSON result a line.
Platforms: `

// errTextInvalid is returned when a checked text cannot be published, so
// that the command exits non-zero.
var errTextInvalid = errors.New("text check: text is not valid for the platform")

// textFlags are the options of `relais text check`.
type textFlags struct {
	platform string
	opt      textlen.Options
	jsonl    bool
	args     []string
}

// textCommand runs `relais text check --platform P [--max-chars N] [--jsonl] [TEXT]`.
//
// args are the arguments after "text" (a leading "text" is also accepted).
// Without TEXT and without --jsonl it reads the text from stdin. It returns
// an error for bad arguments, I/O errors and, outside --jsonl, an invalid
// text; with --jsonl a bad line becomes {"error": "line N: ..."} and the
// command goes on.
func textCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	usage := textUsage + strings.Join(textlen.Platforms(), ", ") + "\n"
	args, err := checkArgs("text", args, stderr, usage)
	if err != nil {
		return err
	}
	f, err := parseTextFlags(args, usage, stderr)
	if err != nil {
		return err
	}
	if f.jsonl {
		return checkJSONL(f, stdin, stdout)
	}
	return checkOne(f, stdin, stdout)
}

// parseTextFlags parses the flags of `text check`.
func parseTextFlags(args []string, usage string, stderr io.Writer) (textFlags, error) {
	var f textFlags
	fs := checkFlagSet("text", usage, stderr, &f.jsonl)
	fs.StringVar(&f.platform, "platform", "", "platform to count for (x, mastodon, bluesky, ...)")
	fs.IntVar(&f.opt.MaxChars, "max-chars", 0, "limit override, e.g. a Mastodon instance's max_characters")
	fs.IntVar(&f.opt.URLLength, "url-length", 0, "Mastodon characters_reserved_per_url override")
	if err := parseFlags(fs, args); err != nil {
		return f, fmt.Errorf("text check: %w", err)
	}
	f.args = fs.Args()
	if f.opt.MaxChars < 0 || f.opt.URLLength < 0 {
		return f, errors.New("text check: --max-chars and --url-length must not be negative")
	}
	if !f.jsonl && f.platform == "" {
		return f, errors.New("text check: --platform is required")
	}
	return f, nil
}

// checkOne checks TEXT, or all of stdin, and prints the result.
func checkOne(f textFlags, stdin io.Reader, stdout io.Writer) error {
	text, err := inputText("text check", f.args, stdin)
	if err != nil {
		return err
	}
	r, err := textlen.Count(f.platform, text, f.opt)
	if err != nil {
		return err
	}
	if err := printResult(stdout, r); err != nil {
		return err
	}
	if !r.Valid {
		return errTextInvalid
	}
	return nil
}

// printResult writes "x: 312/280 — invalid" and the problems.
func printResult(w io.Writer, r textlen.Result) error {
	state := "valid"
	if !r.Valid {
		state = "invalid"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d/%d — %s\n", r.Platform, r.Length, r.Limit, state)
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "  - %s\n", p)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// textLine is one --jsonl input line.
type textLine struct {
	textInput
	Platform string `json:"platform"`
}

// checkJSONL reads one JSON object a line and writes one result a line, in
// order; a line that cannot be checked yields {"error": "line N: ..."}.
func checkJSONL(f textFlags, stdin io.Reader, stdout io.Writer) error {
	return checkLines("text check", stdin, stdout, func(line []byte) (any, error) {
		if strings.TrimSpace(string(line)) == "" {
			return nil, nil
		}
		return checkLine(f, line)
	})
}

// checkLine decodes and checks one --jsonl line.
func checkLine(f textFlags, line []byte) (textlen.Result, error) {
	var in textLine
	text, err := decodeTextLine(line, &in)
	if err != nil {
		return textlen.Result{}, err
	}
	platform := cmp.Or(in.Platform, f.platform)
	if platform == "" {
		return textlen.Result{}, errors.New(`no "platform" and no --platform`)
	}
	return textlen.Count(platform, text, f.opt)
}
