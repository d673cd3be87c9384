package textlen

import (
	"strings"
	"testing"
	"time"
)

// TestLinearTime guards against quadratic URL scanning: twitter-text's
// expression, run naively from every position, rescans long label runs.
func TestLinearTime(t *testing.T) {
	t.Parallel()
	const n = 20000
	for name, s := range map[string]string{
		"labels":      strings.Repeat("a.", n),
		"accents":     strings.Repeat("é", n) + ".x",
		"cjk":         "http://" + strings.Repeat("日", n) + ".x",
		"ascii":       "x " + strings.Repeat("a.", n) + "日",
		"underscores": strings.Repeat("é_", n) + ".com",
		"keycaps":     strings.Repeat("1\u0301", n),
		"parens":      "http://a.com/" + strings.Repeat("(a", n),
		"mentions":    strings.Repeat("@a@b", n),
	} {
		start := time.Now()
		for _, p := range Platforms() {
			if _, err := Count(p, s, Options{}); err != nil {
				t.Fatal(err)
			}
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: %v for %d bytes", name, d, len(s))
		}
	}
}
