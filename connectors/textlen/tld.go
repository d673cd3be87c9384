package textlen

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./internal/gentld

// tldData is the top-level-domain list of twitter-text's conformance file
// tlds.yml (Apache-2.0, see testdata/LICENSE.conformance), generated into
// tlds.txt by internal/gentld.
//
//go:embed tlds.txt
var tldData string

// tldSet holds the TLDs in twitter-text's order (generic first, then
// country), indexed by their upper-cased first rune for fast lookup.
type tldSet struct {
	byFirst map[rune][]string
}

var tlds = parseTLDs(tldData)

func parseTLDs(data string) tldSet {
	s := tldSet{byFirst: make(map[rune][]string)}
	for _, line := range strings.Split(data, "\n") {
		_, tld, ok := strings.Cut(line, " ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(tld)
		k := unicode.ToUpper(r)
		s.byFirst[k] = append(s.byFirst[k], tld)
	}
	return s
}

// matchTLD returns the end of the first TLD (in twitter-text's order) that
// starts at text[i:] and is not followed by [a-z0-9@+-], or a punycode
// label "xn--...". It returns -1 if there is none.
func matchTLD(text string, i int) int {
	r, _ := utf8.DecodeRuneInString(text[i:])
	for _, tld := range tlds.byFirst[unicode.ToUpper(r)] {
		if end := prefixFold(text, i, tld); end >= 0 && tldBoundary(text, end) {
			return end
		}
	}
	return matchPunycode(text, i)
}

// prefixFold returns the end of prefix in text at i, compared without case,
// or -1 if text does not continue with prefix there.
func prefixFold(text string, i int, prefix string) int {
	for _, p := range prefix {
		if i >= len(text) {
			return -1
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != p && unicode.ToUpper(r) != unicode.ToUpper(p) {
			return -1
		}
		i += size
	}
	return i
}

// tldBoundary reports whether a TLD may end at text[i]: twitter-text's
// lookahead (?=[^a-z0-9@+-]|$), case-insensitive.
func tldBoundary(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	c := text[i]
	return !(isASCIIAlnum(c) || c == '@' || c == '+' || c == '-')
}

// matchPunycode matches xn--[-0-9a-z]+ at text[i:], case-insensitive.
func matchPunycode(text string, i int) int {
	end := prefixFold(text, i, "xn--")
	if end < 0 {
		return -1
	}
	j := end
	for j < len(text) && (isASCIIAlnum(text[j]) || text[j] == '-') {
		j++
	}
	if j == end {
		return -1
	}
	return j
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
