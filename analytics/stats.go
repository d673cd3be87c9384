package analytics

import "math"

// MinSuccesses is the fewest successes, all variants together, for a test
// to decide anything: below it the answer is "no difference".
const MinSuccesses = 30

// Alpha is the test's significance level (95 % confidence).
const Alpha = 0.05

// DecisionRule states how experiments are decided, beside the result.
var DecisionRule = [2]string{
	"Test z de deux proportions (bilatéral, 95 %) entre la meilleure variante et la suivante, avec au moins 30 succès au total ; sinon « pas de différence » et la variante A.",
	"Two-proportion z-test (two-sided, 95%) between the best variant and the runner-up, with at least 30 successes overall; otherwise \"no difference\" and variant A.",
}

// ZTest returns the two-sided p-value of a two-proportion z-test (pooled)
// of x1/n1 against x2/n2; 1 when it cannot be computed.
func ZTest(x1, n1, x2, n2 int64) float64 {
	if n1 == 0 || n2 == 0 {
		return 1
	}
	p := float64(x1+x2) / float64(n1+n2)
	se := math.Sqrt(p * (1 - p) * (1/float64(n1) + 1/float64(n2)))
	if se == 0 {
		return 1
	}
	z := (float64(x1)/float64(n1) - float64(x2)/float64(n2)) / se
	return math.Erfc(math.Abs(z) / math.Sqrt2)
}

// Wilson returns the 95 % Wilson score interval of x successes in n.
func Wilson(x, n int64) (lo, hi float64) {
	if n == 0 {
		return 0, 0
	}
	const z = 1.959963984540054
	p, nf := float64(x)/float64(n), float64(n)
	den := 1 + z*z/nf
	mid := (p + z*z/(2*nf)) / den
	half := z * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf)) / den
	return math.Max(0, mid-half), math.Min(1, mid+half)
}

// Decision is an experiment's outcome.
type Decision struct {
	Winner     int     // index of the winning variant; 0 (A) when no difference
	PValue     float64 // of the best against the runner-up
	Difference bool    // false: "no difference"
	Reason     string  // English, for the audit log
}

// Decide applies DecisionRule to per-variant successes x out of n.
func Decide(x, n []int64) Decision {
	var total int64
	best, second := 0, -1
	rate := func(i int) float64 {
		if n[i] == 0 {
			return 0
		}
		return float64(x[i]) / float64(n[i])
	}
	for i := range x {
		total += x[i]
		if rate(i) > rate(best) {
			best = i
		}
	}
	for i := range x {
		if i != best && (second < 0 || rate(i) > rate(second)) {
			second = i
		}
	}
	d := Decision{PValue: ZTest(x[best], n[best], x[second], n[second])}
	switch {
	case total < MinSuccesses:
		d.Reason = "no difference: fewer than 30 successes overall"
	case d.PValue >= Alpha:
		d.Reason = "no difference: not significant at 95 %"
	default:
		d.Winner, d.Difference, d.Reason = best, true, "significant at 95 %"
	}
	return d
}
