package textlen

import (
	"regexp"
	"strings"
)

// The parts of twitter-text's URL expression that follow the domain. Go's
// regexp picks the match a backtracking engine would (leftmost-first), so
// these behave as twitter-text's JavaScript expressions.
var (
	pathChar     = `[a-z` + cyrillic + `0-9!*';:=+,.$/%#\[\]\-\x{2013}_~@|&` + latinAccents + `]`
	parens       = `\((?:` + pathChar + `+|(?:` + pathChar + `*\(` + pathChar + `+\)` + pathChar + `*))\)`
	pathEnd      = `(?:[+\-a-z` + cyrillic + `0-9=_#/` + latinAccents + `]|(?:` + parens + `))`
	urlPath      = `(?:(?:` + pathChar + `*(?:` + parens + pathChar + `*)*` + pathEnd + `)|(?:@` + pathChar + `+/))`
	queryChar    = `[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]`
	queryEnd     = `[a-z0-9\-_&=#/]`
	urlTail      = regexp.MustCompile(`(?i)^(?::[0-9]+)?(/` + urlPath + `*)?(\?` + queryChar + `*` + queryEnd + `)?`)
	tcoURL       = regexp.MustCompile(`(?i)^https?://t\.co/([a-z0-9]+)(?:\?` + queryChar + `*` + queryEnd + `)?`)
	maybeURLTail = "/:?"
)

// matchURLTail matches an optional port, path and query at text[i:] and
// returns the URL's end and its path.
func matchURLTail(text string, i int) (end int, path string) {
	if i >= len(text) || !strings.ContainsRune(maybeURLTail, rune(text[i])) {
		return i, ""
	}
	loc := urlTail.FindStringSubmatchIndex(text[i:])
	if loc[2] >= 0 {
		path = text[i+loc[2] : i+loc[3]]
	}
	return i + loc[1], path
}

// validURLLength applies twitter-text's isValidUrl: every label of domain,
// punycode-encoded, has 1 to 63 characters, a domain starting "xn--" holds
// an ASCII domain, and protocol plus URL fit in 4,096 UTF-16 code units.
func validURLLength(url, protocol, domain string) bool {
	if strings.HasPrefix(domain, "xn--") && len(asciiDomains(domain)) == 0 {
		return false
	}
	for _, l := range strings.Split(domain, ".") {
		if n := punycodeLabelLen(l); n < 1 || n > 63 {
			return false
		}
	}
	return len(protocol)+utf16Len(url) <= maxURLLength
}

// utf16Len returns the length of s in UTF-16 code units, as JavaScript and
// Telegram count; invalid bytes count one each.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// hasNonASCII reports whether s has a byte outside 0x00-0x7E, the test
// punycode.js applies before encoding a label.
func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] > 0x7E {
			return true
		}
	}
	return false
}
