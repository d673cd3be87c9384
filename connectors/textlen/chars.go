package textlen

import "strings"

// The character classes of twitter-text's URL rules.
const (
	// punctChars may not appear in domain labels.
	punctChars = "!'#%&()*+,\\-./:;<=>?@[]^_{|}~$"
	// latinAccents are the accented Latin letters allowed in paths and
	// ASCII domains, as a regexp class body.
	latinAccents = `\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{FF}\x{100}-\x{24F}\x{253}\x{254}\x{256}\x{257}\x{259}\x{25B}\x{263}\x{268}\x{26F}\x{272}\x{289}\x{28B}\x{2BB}\x{300}-\x{36F}\x{1E00}-\x{1EFF}`
	// cyrillic are the Cyrillic letters and marks allowed in paths.
	cyrillic = `\x{400}-\x{4FF}`
)

// isInvalidChar reports whether r is one of the characters twitter-text
// refuses in a post: U+FFFE, U+FEFF (byte-order mark) and U+FFFF.
func isInvalidChar(r rune) bool { return r == 0xFFFE || r == 0xFEFF || r == 0xFFFF }

// isDirectional reports whether r is a bidirectional formatting mark.
func isDirectional(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r == 0x061C || r == 0x200E || r == 0x200F ||
		r >= 0x2066 && r <= 0x2069
}

// isSpace reports whether r is in twitter-text's spaces group.
func isSpace(r rune) bool {
	switch {
	case r >= 0x09 && r <= 0x0D, r == 0x20, r == 0x85, r == 0xA0, r == 0x1680, r == 0x180E:
		return true
	case r >= 0x2000 && r <= 0x200A, r == 0x2028, r == 0x2029, r == 0x202F, r == 0x205F, r == 0x3000:
		return true
	}
	return false
}

// isDomainChar reports whether r may appear in a domain label: anything but
// punctuation, spaces, invalid characters and directional marks.
func isDomainChar(r rune) bool {
	if r < 0x80 && strings.ContainsRune(punctChars, r) {
		return false
	}
	return !isSpace(r) && !isInvalidChar(r) && !isDirectional(r)
}

// isASCIIDomainChar reports whether r matches [-a-z0-9] (any case) or a
// Latin accent, the labels of domains extracted without a protocol.
func isASCIIDomainChar(r rune) bool {
	if r < 0x80 {
		return r == '-' || isASCIIAlnum(byte(r))
	}
	return isLatinAccent(r)
}

func isLatinAccent(r rune) bool {
	switch {
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x24F:
		return true
	case r == 0x253, r == 0x254, r == 0x256, r == 0x257, r == 0x259, r == 0x25B:
		return true
	case r == 0x263, r == 0x268, r == 0x26F, r == 0x272, r == 0x289, r == 0x28B, r == 0x2BB:
		return true
	}
	return r >= 0x300 && r <= 0x36F || r >= 0x1E00 && r <= 0x1EFF
}
