package tone

import (
	"unicode"
	"unicode/utf8"
)

// appendFold appends the matching key of r to dst: lower case, accents
// removed, ligatures expanded, apostrophes unified, format characters
// dropped, compatibility forms and look-alike letters folded (normalize.go). Combining marks (from
// decomposed text) are dropped, so NFC and NFD spellings fold alike and no
// normalisation pass is needed.
func appendFold(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	if s, ok := foldSpecial[r]; ok {
		return append(dst, s...)
	}
	if isCombining(r) || isIgnorable(r) {
		return dst
	}
	if l, ok := lookalike(r); ok {
		return append(dst, l)
	}
	if out, ok := compatFold(dst, r); ok {
		return out
	}
	lr := unicode.ToLower(r)
	if lr < utf8.RuneSelf {
		return append(dst, byte(lr))
	}
	if s, ok := foldSpecial[lr]; ok {
		return append(dst, s...)
	}
	return utf8.AppendRune(dst, lr)
}

// isCombining reports whether r is a combining diacritical mark.
func isCombining(r rune) bool {
	return (r >= 0x300 && r <= 0x36f) || (r >= 0x1ab0 && r <= 0x1aff) ||
		(r >= 0x1dc0 && r <= 0x1dff) || (r >= 0x20d0 && r <= 0x20ff)
}

// isApostrophe reports whether r is one of the apostrophes people type.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', '`', '´', '′':
		return true
	}
	return false
}

// foldSpecial maps the letters that need more than lower-casing.
var foldSpecial = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ę': "e", 'ě': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i",
	'ñ': "n", 'ń': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o",
	'œ': "oe", 'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u",
	'ý': "y", 'ÿ': "y", 'ß': "ss", 'š': "s", 'ž': "z", 'ł': "l",
	'ﬁ': "fi", 'ﬂ': "fl", 'ﬀ': "ff", 'ﬃ': "ffi", 'ﬄ': "ffl",
	'’': "'", '‘': "'", 'ʼ': "'", '´': "'", '′': "'",
	'Œ': "oe", 'Æ': "ae",
}
