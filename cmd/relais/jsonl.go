package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// jsonLines runs a --jsonl command: each input line (numbered from 1) goes
// to fn, whose answer is written as one JSON line, in order; a nil answer
// writes nothing. Lines longer than maxLine stop the run with an error.
func jsonLines(cmd string, stdin io.Reader, stdout io.Writer, maxLine int, fn func(n int, line []byte) any) error {
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for n := 1; sc.Scan(); n++ {
		out := fn(n, sc.Bytes())
		if out == nil {
			continue
		}
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("%s: writing line %d: %w", cmd, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		_ = w.Flush()
		return fmt.Errorf("%s: reading stdin: %w", cmd, err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("%s: writing: %w", cmd, err)
	}
	return nil
}

// checkLines runs a `check --jsonl` command with jsonLines: check answers
// each line, and a line it cannot check is written {"error": "line N: ..."}.
func checkLines(cmd string, stdin io.Reader, stdout io.Writer, check func(line []byte) (any, error)) error {
	return jsonLines(cmd, stdin, stdout, maxJSONLine, func(n int, line []byte) any {
		out, err := check(line)
		if err != nil {
			return map[string]string{"error": fmt.Sprintf("line %d: %v", n, err)}
		}
		return out
	})
}

// textInput is what every `check --jsonl` line has: the text to check.
type textInput struct {
	Text *string `json:"text"`
}

// decodeTextLine decodes one `check --jsonl` line into in, a struct that
// embeds textInput, and returns its text: an error when the line is not
// JSON or has no "text".
func decodeTextLine(line []byte, in interface{ text() *string }) (string, error) {
	if err := json.Unmarshal(line, in); err != nil {
		return "", fmt.Errorf("invalid JSON: %w", err)
	}
	if in.text() == nil {
		return "", errors.New(`missing "text"`)
	}
	return *in.text(), nil
}

// text returns the line's text, nil when it has none.
func (t *textInput) text() *string { return t.Text }

// maxJSONLine is the longest JSON line --jsonl accepts.
const maxJSONLine = 4 << 20

// checkArgs returns the arguments after `relais NAME check` (a leading NAME
// is also accepted); without the check subcommand it prints usage and
// returns a usage error. `text check` and `tone check` start with it.
func checkArgs(name string, args []string, stderr io.Writer, usage string) ([]string, error) {
	if len(args) > 0 && args[0] == name {
		args = args[1:]
	}
	if len(args) == 0 || args[0] != "check" {
		fmt.Fprint(stderr, usage)
		return nil, usageErrorf("%s: expected the check subcommand", name)
	}
	return args[1:], nil
}

// checkFlagSet is the flag set of `relais NAME check`: its errors and
// usage go to stderr, and --jsonl sets jsonl.
func checkFlagSet(name, usage string, stderr io.Writer, jsonl *bool) *flag.FlagSet {
	fs := flag.NewFlagSet("relais "+name+" check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	fs.BoolVar(jsonl, "jsonl", false, "read JSON lines from stdin and write JSON lines")
	return fs
}

// inputText returns the words of TEXT joined by spaces or, without any,
// all of stdin less one final line ending.
func inputText(cmd string, words []string, stdin io.Reader) (string, error) {
	if len(words) > 0 {
		return strings.Join(words, " "), nil
	}
	b, err := io.ReadAll(stdin)
	if err != nil {
		return "", fmt.Errorf("%s: reading stdin: %w", cmd, err)
	}
	return strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r"), nil
}
