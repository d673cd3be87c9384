package tone

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// maxExampleLine bounds one line of an examples file.
const maxExampleLine = 1 << 20

// LoadExamples reads a JSON-lines file of labelled examples, one
// {"text": "...", "label": "ok|attack|negative|desintox|ridicule"} a line
// (blank lines skipped). Errors name the file and the line.
func LoadExamples(path string) ([]Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("tone examples: %w", err)
	}
	defer f.Close()
	ex, err := ReadExamples(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ex, nil
}

// ReadExamples parses examples from r; see LoadExamples.
func ReadExamples(r io.Reader) ([]Example, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxExampleLine)
	var out []Example
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		ex, err := parseExample(sc.Bytes())
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, ex)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading examples: %w", err)
	}
	return out, nil
}

func parseExample(line []byte) (Example, error) {
	var raw struct {
		Text  *string `json:"text"`
		Label string  `json:"label"`
	}
	if err := json.Unmarshal(line, &raw); err != nil {
		return Example{}, fmt.Errorf("not a JSON object: %v", err)
	}
	if raw.Text == nil {
		return Example{}, fmt.Errorf("field \"text\" is missing")
	}
	if !ValidLabel(raw.Label) {
		return Example{}, fmt.Errorf("field \"label\": unknown label %q (want %s)", raw.Label, strings.Join(exampleLabels, ", "))
	}
	return Example{Text: *raw.Text, Label: raw.Label}, nil
}
