package textlen

import (
	"strings"
	"testing"
	"time"
)

// TestLinearTime guards against quadratic URL scanning: twitter-text's
// expression, run naively from every position, rescans long label runs.
// Each input is measured at n and n/8 units (best of three, so that a
// loaded machine or the race detector does not decide): linear work grows
// 8 times, quadratic work 64 times; the bound is 40.
func TestLinearTime(t *testing.T) {
	t.Parallel()
	const n = 20000
	for name, build := range map[string]func(k int) string{
		"labels":      func(k int) string { return strings.Repeat("a.", k) },
		"accents":     func(k int) string { return strings.Repeat("é", k) + ".x" },
		"cjk":         func(k int) string { return "http://" + strings.Repeat("日", k) + ".x" },
		"ascii":       func(k int) string { return "x " + strings.Repeat("a.", k) + "日" },
		"underscores": func(k int) string { return strings.Repeat("é_", k) + ".com" },
		"keycaps":     func(k int) string { return strings.Repeat("1\u0301", k) },
		"parens":      func(k int) string { return "http://a.com/" + strings.Repeat("(a", k) },
		"mentions":    func(k int) string { return strings.Repeat("@a@b", k) },
	} {
		small, large := countAll(t, build(n/8)), countAll(t, build(n))
		if large > 40*small+50*time.Millisecond {
			t.Errorf("%s: %v for %d units, %v for %d: not linear", name, small, n/8, large, n)
		}
	}
}

// countAll returns the best of three times to count s for every platform.
func countAll(t *testing.T, s string) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 3 {
		start := time.Now()
		for _, p := range Platforms() {
			if _, err := Count(p, s, Options{}); err != nil {
				t.Fatal(err)
			}
		}
		best = min(best, time.Since(start))
	}
	return best
}
