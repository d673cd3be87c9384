package tone

import (
	"testing"
)

// MustEngine compiles testdata/config.yaml (opponents Bernard Lacombe and
// Tolliver; own team Anne Dumas and Claire Morel).
func MustEngine(t testing.TB) *Engine {
	t.Helper()
	cfg, err := LoadConfig("testdata/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// rulesOf lists the rules of r's violations.
func rulesOf(r Result) map[string]bool {
	out := map[string]bool{}
	for _, v := range r.Violations {
		out[v.Rule] = true
	}
	return out
}
