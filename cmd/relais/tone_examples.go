package main

import (
	"fmt"

	"github.com/relais/relais/approval/tone"
)

// toneWithExamples trains the examples model on the JSON-lines file at
// path (--examples) and returns e consulting it.
func toneWithExamples(e *tone.Engine, path string) (*tone.Engine, error) {
	if path == "" {
		return e, nil
	}
	ex, err := tone.LoadExamples(path)
	if err != nil {
		return nil, fmt.Errorf("tone check: --examples: %w", err)
	}
	m, err := e.Train(ex)
	if err != nil {
		return nil, fmt.Errorf("tone check: --examples %s: %w", path, err)
	}
	return e.WithModel(m), nil
}
