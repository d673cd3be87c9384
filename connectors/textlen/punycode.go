package textlen

import "strings"

// Punycode parameters (RFC 3492).
const (
	pcBase        = 36
	pcTMin        = 1
	pcTMax        = 26
	pcSkew        = 38
	pcDamp        = 700
	pcInitialBias = 72
	pcInitialN    = 128
	pcMaxDelta    = 1 << 30
)

// punycodeLabelLen returns the length of label once punycode.js's toASCII
// has encoded it ("xn--" and RFC 3492 punycode when it is not ASCII). It
// returns 0 when encoding overflows.
func punycodeLabelLen(label string) int {
	parts := strings.FieldsFunc(label, func(r rune) bool {
		return r == '\u3002' || r == '\uFF0E' || r == '\uFF61'
	})
	n := len(parts) - 1
	if n < 0 {
		return 0
	}
	for _, p := range parts {
		if !hasNonASCII(p) {
			n += len(p)
			continue
		}
		enc, ok := punycodeEncode([]rune(p))
		if !ok {
			return 0
		}
		n += len("xn--") + len(enc)
	}
	return n
}

// punycodeEncode encodes runes as RFC 3492 punycode.
func punycodeEncode(in []rune) (string, bool) {
	var out []byte
	for _, r := range in {
		if r < 0x80 {
			out = append(out, byte(r))
		}
	}
	basic := len(out)
	if basic > 0 {
		out = append(out, '-')
	}
	n, delta, bias := pcInitialN, 0, pcInitialBias
	for h := basic; h < len(in); {
		m := nextCodePoint(in, n)
		delta += (m - n) * (h + 1)
		if delta > pcMaxDelta {
			return "", false
		}
		n = m
		for _, r := range in {
			if int(r) < n {
				delta++
			}
			if int(r) == n {
				out = appendDelta(out, delta, bias)
				bias = adaptBias(delta, h+1, h == basic)
				delta = 0
				h++
			}
		}
		delta++
		n++
	}
	return string(out), true
}

// nextCodePoint returns the smallest code point of in that is >= n.
func nextCodePoint(in []rune, n int) int {
	m := int(^uint32(0) >> 1)
	for _, r := range in {
		if int(r) >= n && int(r) < m {
			m = int(r)
		}
	}
	return m
}

// appendDelta appends delta as a generalized variable-length integer.
func appendDelta(out []byte, delta, bias int) []byte {
	q := delta
	for k := pcBase; ; k += pcBase {
		t := min(max(k-bias, pcTMin), pcTMax)
		if q < t {
			break
		}
		out = append(out, punycodeDigit(t+(q-t)%(pcBase-t)))
		q = (q - t) / (pcBase - t)
	}
	return append(out, punycodeDigit(q))
}

func adaptBias(delta, points int, first bool) int {
	if first {
		delta /= pcDamp
	} else {
		delta /= 2
	}
	delta += delta / points
	k := 0
	for delta > ((pcBase-pcTMin)*pcTMax)/2 {
		delta /= pcBase - pcTMin
		k += pcBase
	}
	return k + (pcBase-pcTMin+1)*delta/(delta+pcSkew)
}

func punycodeDigit(d int) byte {
	if d < 26 {
		return byte('a' + d)
	}
	return byte('0' + d - 26)
}
