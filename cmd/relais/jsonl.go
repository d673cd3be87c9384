package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
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
