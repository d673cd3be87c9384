package textlen

import (
	"regexp"
	"unicode/utf8"
)

// twemojiRE is the expression twemoji-parser 11.0.2 finds emoji with
// (dist/lib/regex.js; Copyright Twitter Inc., MIT licence), the one
// twitter-text 3.1.0, the last published X rules, counts emoji with: each
// match weighs one default weight (2 characters), and an emoji sequence it
// does not know is counted piece by piece (🧑🏿‍💻 is 🧑🏿, a ZWJ and 💻: 5
// characters, not 2). Its UTF-16 surrogate pairs are rewritten as code
// points, and its two "(?:\ufe0f|(?!\ufe0e))" (Go has no lookahead) as
// "\x{FE0F}?": the lookahead only decides whether one code point above
// U+2000 alone is an emoji, which weighs 2 either way. It is otherwise
// unchanged.
var twemojiRE = regexp.MustCompile(`^(?:(?:[\x{1F468}\x{1F469}])(?:[\x{1F3FB}-\x{1F3FF}])?\x{200D}(?:\x{2695}\x{FE0F}|\x{2696}\x{FE0F}|\x{2708}\x{FE0F}|[\x{1F33E}\x{1F373}\x{1F393}\x{1F3A4}\x{1F3A8}\x{1F3EB}\x{1F3ED}]|[\x{1F4BB}\x{1F4BC}\x{1F527}\x{1F52C}\x{1F680}\x{1F692}]|[\x{1F9B0}-\x{1F9B3}])|(?:[\x{1F3CB}\x{1F3CC}]|[\x{1F574}\x{1F575}]|\x{26F9})((?:[\x{1F3FB}-\x{1F3FF}]|\x{FE0F})\x{200D}[\x{2640}\x{2642}]\x{FE0F})|(?:[\x{1F3C3}\x{1F3C4}\x{1F3CA}]|[\x{1F46E}\x{1F471}\x{1F473}\x{1F477}\x{1F481}\x{1F482}\x{1F486}\x{1F487}\x{1F645}-\x{1F647}\x{1F64B}\x{1F64D}\x{1F64E}\x{1F6A3}\x{1F6B4}-\x{1F6B6}]|[\x{1F926}\x{1F935}\x{1F937}-\x{1F939}\x{1F93D}\x{1F93E}\x{1F9B8}\x{1F9B9}\x{1F9D6}-\x{1F9DD}])(?:[\x{1F3FB}-\x{1F3FF}])?\x{200D}[\x{2640}\x{2642}]\x{FE0F}|(?:\x{1F468}\x{200D}\x{2764}\x{FE0F}\x{200D}\x{1F48B}\x{200D}\x{1F468}|\x{1F468}\x{200D}\x{1F468}\x{200D}\x{1F466}\x{200D}\x{1F466}|\x{1F468}\x{200D}\x{1F468}\x{200D}\x{1F467}\x{200D}[\x{1F466}\x{1F467}]|\x{1F468}\x{200D}\x{1F469}\x{200D}\x{1F466}\x{200D}\x{1F466}|\x{1F468}\x{200D}\x{1F469}\x{200D}\x{1F467}\x{200D}[\x{1F466}\x{1F467}]|\x{1F469}\x{200D}\x{2764}\x{FE0F}\x{200D}\x{1F48B}\x{200D}[\x{1F468}\x{1F469}]|\x{1F469}\x{200D}\x{1F469}\x{200D}\x{1F466}\x{200D}\x{1F466}|\x{1F469}\x{200D}\x{1F469}\x{200D}\x{1F467}\x{200D}[\x{1F466}\x{1F467}]|\x{1F468}\x{200D}\x{2764}\x{FE0F}\x{200D}\x{1F468}|\x{1F468}\x{200D}\x{1F466}\x{200D}\x{1F466}|\x{1F468}\x{200D}\x{1F467}\x{200D}[\x{1F466}\x{1F467}]|\x{1F468}\x{200D}\x{1F468}\x{200D}[\x{1F466}\x{1F467}]|\x{1F468}\x{200D}\x{1F469}\x{200D}[\x{1F466}\x{1F467}]|\x{1F469}\x{200D}\x{2764}\x{FE0F}\x{200D}[\x{1F468}\x{1F469}]|\x{1F469}\x{200D}\x{1F466}\x{200D}\x{1F466}|\x{1F469}\x{200D}\x{1F467}\x{200D}[\x{1F466}\x{1F467}]|\x{1F469}\x{200D}\x{1F469}\x{200D}[\x{1F466}\x{1F467}]|\x{1F3F3}\x{FE0F}\x{200D}\x{1F308}|\x{1F3F4}\x{200D}\x{2620}\x{FE0F}|\x{1F441}\x{200D}\x{1F5E8}|\x{1F468}\x{200D}[\x{1F466}\x{1F467}]|\x{1F469}\x{200D}[\x{1F466}\x{1F467}]|\x{1F46F}\x{200D}\x{2640}\x{FE0F}|\x{1F46F}\x{200D}\x{2642}\x{FE0F}|\x{1F93C}\x{200D}\x{2640}\x{FE0F}|\x{1F93C}\x{200D}\x{2642}\x{FE0F}|\x{1F9DE}\x{200D}\x{2640}\x{FE0F}|\x{1F9DE}\x{200D}\x{2642}\x{FE0F}|\x{1F9DF}\x{200D}\x{2640}\x{FE0F}|\x{1F9DF}\x{200D}\x{2642}\x{FE0F})|[#*0-9]\x{FE0F}?\x{20E3}|(?:[©®\x{2122}\x{265F}]\x{FE0F})|(?:[\x{1F004}\x{1F170}\x{1F171}\x{1F17E}\x{1F17F}\x{1F202}\x{1F21A}\x{1F22F}\x{1F237}\x{1F321}\x{1F324}-\x{1F32C}\x{1F336}\x{1F37D}\x{1F396}\x{1F397}\x{1F399}-\x{1F39B}\x{1F39E}\x{1F39F}\x{1F3CD}\x{1F3CE}\x{1F3D4}-\x{1F3DF}\x{1F3F3}\x{1F3F5}\x{1F3F7}]|[\x{1F43F}\x{1F441}\x{1F4FD}\x{1F549}\x{1F54A}\x{1F56F}\x{1F570}\x{1F573}\x{1F576}-\x{1F579}\x{1F587}\x{1F58A}-\x{1F58D}\x{1F5A5}\x{1F5A8}\x{1F5B1}\x{1F5B2}\x{1F5BC}\x{1F5C2}-\x{1F5C4}\x{1F5D1}-\x{1F5D3}\x{1F5DC}-\x{1F5DE}\x{1F5E1}\x{1F5E3}\x{1F5E8}\x{1F5EF}\x{1F5F3}\x{1F5FA}\x{1F6CB}\x{1F6CD}-\x{1F6CF}\x{1F6E0}-\x{1F6E5}\x{1F6E9}\x{1F6F0}\x{1F6F3}]|[\x{203C}\x{2049}\x{2139}\x{2194}-\x{2199}\x{21A9}\x{21AA}\x{231A}\x{231B}\x{2328}\x{23CF}\x{23ED}-\x{23EF}\x{23F1}\x{23F2}\x{23F8}-\x{23FA}\x{24C2}\x{25AA}\x{25AB}\x{25B6}\x{25C0}\x{25FB}-\x{25FE}\x{2600}-\x{2604}\x{260E}\x{2611}\x{2614}\x{2615}\x{2618}\x{2620}\x{2622}\x{2623}\x{2626}\x{262A}\x{262E}\x{262F}\x{2638}-\x{263A}\x{2640}\x{2642}\x{2648}-\x{2653}\x{2660}\x{2663}\x{2665}\x{2666}\x{2668}\x{267B}\x{267F}\x{2692}-\x{2697}\x{2699}\x{269B}\x{269C}\x{26A0}\x{26A1}\x{26AA}\x{26AB}\x{26B0}\x{26B1}\x{26BD}\x{26BE}\x{26C4}\x{26C5}\x{26C8}\x{26CF}\x{26D1}\x{26D3}\x{26D4}\x{26E9}\x{26EA}\x{26F0}-\x{26F5}\x{26F8}\x{26FA}\x{26FD}\x{2702}\x{2708}\x{2709}\x{270F}\x{2712}\x{2714}\x{2716}\x{271D}\x{2721}\x{2733}\x{2734}\x{2744}\x{2747}\x{2757}\x{2763}\x{2764}\x{27A1}\x{2934}\x{2935}\x{2B05}-\x{2B07}\x{2B1B}\x{2B1C}\x{2B50}\x{2B55}\x{3030}\x{303D}\x{3297}\x{3299}])\x{FE0F}?|(?:(?:[\x{1F3CB}\x{1F3CC}]|[\x{1F574}\x{1F575}\x{1F590}]|[\x{261D}\x{26F7}\x{26F9}\x{270C}\x{270D}])\x{FE0F}?|(?:[\x{1F385}\x{1F3C2}-\x{1F3C4}\x{1F3C7}\x{1F3CA}]|[\x{1F442}\x{1F443}\x{1F446}-\x{1F450}\x{1F466}-\x{1F469}\x{1F46E}\x{1F470}-\x{1F478}\x{1F47C}\x{1F481}-\x{1F483}\x{1F485}-\x{1F487}\x{1F4AA}\x{1F57A}\x{1F595}\x{1F596}\x{1F645}-\x{1F647}\x{1F64B}-\x{1F64F}\x{1F6A3}\x{1F6B4}-\x{1F6B6}\x{1F6C0}\x{1F6CC}]|[\x{1F918}-\x{1F91C}\x{1F91E}\x{1F91F}\x{1F926}\x{1F930}-\x{1F939}\x{1F93D}\x{1F93E}\x{1F9B5}\x{1F9B6}\x{1F9B8}\x{1F9B9}\x{1F9D1}-\x{1F9DD}]|[\x{270A}\x{270B}]))(?:[\x{1F3FB}-\x{1F3FF}])?|(?:\x{1F3F4}\x{E0067}\x{E0062}\x{E0065}\x{E006E}\x{E0067}\x{E007F}|\x{1F3F4}\x{E0067}\x{E0062}\x{E0073}\x{E0063}\x{E0074}\x{E007F}|\x{1F3F4}\x{E0067}\x{E0062}\x{E0077}\x{E006C}\x{E0073}\x{E007F}|\x{1F1E6}[\x{1F1E8}-\x{1F1EC}\x{1F1EE}\x{1F1F1}\x{1F1F2}\x{1F1F4}\x{1F1F6}-\x{1F1FA}\x{1F1FC}\x{1F1FD}\x{1F1FF}]|\x{1F1E7}[\x{1F1E6}\x{1F1E7}\x{1F1E9}-\x{1F1EF}\x{1F1F1}-\x{1F1F4}\x{1F1F6}-\x{1F1F9}\x{1F1FB}\x{1F1FC}\x{1F1FE}\x{1F1FF}]|\x{1F1E8}[\x{1F1E6}\x{1F1E8}\x{1F1E9}\x{1F1EB}-\x{1F1EE}\x{1F1F0}-\x{1F1F5}\x{1F1F7}\x{1F1FA}-\x{1F1FF}]|\x{1F1E9}[\x{1F1EA}\x{1F1EC}\x{1F1EF}\x{1F1F0}\x{1F1F2}\x{1F1F4}\x{1F1FF}]|\x{1F1EA}[\x{1F1E6}\x{1F1E8}\x{1F1EA}\x{1F1EC}\x{1F1ED}\x{1F1F7}-\x{1F1FA}]|\x{1F1EB}[\x{1F1EE}-\x{1F1F0}\x{1F1F2}\x{1F1F4}\x{1F1F7}]|\x{1F1EC}[\x{1F1E6}\x{1F1E7}\x{1F1E9}-\x{1F1EE}\x{1F1F1}-\x{1F1F3}\x{1F1F5}-\x{1F1FA}\x{1F1FC}\x{1F1FE}]|\x{1F1ED}[\x{1F1F0}\x{1F1F2}\x{1F1F3}\x{1F1F7}\x{1F1F9}\x{1F1FA}]|\x{1F1EE}[\x{1F1E8}-\x{1F1EA}\x{1F1F1}-\x{1F1F4}\x{1F1F6}-\x{1F1F9}]|\x{1F1EF}[\x{1F1EA}\x{1F1F2}\x{1F1F4}\x{1F1F5}]|\x{1F1F0}[\x{1F1EA}\x{1F1EC}-\x{1F1EE}\x{1F1F2}\x{1F1F3}\x{1F1F5}\x{1F1F7}\x{1F1FC}\x{1F1FE}\x{1F1FF}]|\x{1F1F1}[\x{1F1E6}-\x{1F1E8}\x{1F1EE}\x{1F1F0}\x{1F1F7}-\x{1F1FB}\x{1F1FE}]|\x{1F1F2}[\x{1F1E6}\x{1F1E8}-\x{1F1ED}\x{1F1F0}-\x{1F1FF}]|\x{1F1F3}[\x{1F1E6}\x{1F1E8}\x{1F1EA}-\x{1F1EC}\x{1F1EE}\x{1F1F1}\x{1F1F4}\x{1F1F5}\x{1F1F7}\x{1F1FA}\x{1F1FF}]|\x{1F1F4}\x{1F1F2}|\x{1F1F5}[\x{1F1E6}\x{1F1EA}-\x{1F1ED}\x{1F1F0}-\x{1F1F3}\x{1F1F7}-\x{1F1F9}\x{1F1FC}\x{1F1FE}]|\x{1F1F6}\x{1F1E6}|\x{1F1F7}[\x{1F1EA}\x{1F1F4}\x{1F1F8}\x{1F1FA}\x{1F1FC}]|\x{1F1F8}[\x{1F1E6}-\x{1F1EA}\x{1F1EC}-\x{1F1F4}\x{1F1F7}-\x{1F1F9}\x{1F1FB}\x{1F1FD}-\x{1F1FF}]|\x{1F1F9}[\x{1F1E6}\x{1F1E8}\x{1F1E9}\x{1F1EB}-\x{1F1ED}\x{1F1EF}-\x{1F1F4}\x{1F1F7}\x{1F1F9}\x{1F1FB}\x{1F1FC}\x{1F1FF}]|\x{1F1FA}[\x{1F1E6}\x{1F1EC}\x{1F1F2}\x{1F1F3}\x{1F1F8}\x{1F1FE}\x{1F1FF}]|\x{1F1FB}[\x{1F1E6}\x{1F1E8}\x{1F1EA}\x{1F1EC}\x{1F1EE}\x{1F1F3}\x{1F1FA}]|\x{1F1FC}[\x{1F1EB}\x{1F1F8}]|\x{1F1FD}\x{1F1F0}|\x{1F1FE}[\x{1F1EA}\x{1F1F9}]|\x{1F1FF}[\x{1F1E6}\x{1F1F2}\x{1F1FC}]|[\x{1F0CF}\x{1F18E}\x{1F191}-\x{1F19A}\x{1F1E6}-\x{1F1FF}\x{1F201}\x{1F232}-\x{1F236}\x{1F238}-\x{1F23A}\x{1F250}\x{1F251}\x{1F300}-\x{1F320}\x{1F32D}-\x{1F335}\x{1F337}-\x{1F37C}\x{1F37E}-\x{1F384}\x{1F386}-\x{1F393}\x{1F3A0}-\x{1F3C1}\x{1F3C5}\x{1F3C6}\x{1F3C8}\x{1F3C9}\x{1F3CF}-\x{1F3D3}\x{1F3E0}-\x{1F3F0}\x{1F3F4}\x{1F3F8}-\x{1F3FF}]|[\x{1F400}-\x{1F43E}\x{1F440}\x{1F444}\x{1F445}\x{1F451}-\x{1F465}\x{1F46A}-\x{1F46D}\x{1F46F}\x{1F479}-\x{1F47B}\x{1F47D}-\x{1F480}\x{1F484}\x{1F488}-\x{1F4A9}\x{1F4AB}-\x{1F4FC}\x{1F4FF}-\x{1F53D}\x{1F54B}-\x{1F54E}\x{1F550}-\x{1F567}\x{1F5A4}\x{1F5FB}-\x{1F644}\x{1F648}-\x{1F64A}\x{1F680}-\x{1F6A2}\x{1F6A4}-\x{1F6B3}\x{1F6B7}-\x{1F6BF}\x{1F6C1}-\x{1F6C5}\x{1F6D0}-\x{1F6D2}\x{1F6EB}\x{1F6EC}\x{1F6F4}-\x{1F6F9}]|[\x{1F910}-\x{1F917}\x{1F91D}\x{1F920}-\x{1F925}\x{1F927}-\x{1F92F}\x{1F93A}\x{1F93C}\x{1F940}-\x{1F945}\x{1F947}-\x{1F970}\x{1F973}-\x{1F976}\x{1F97A}\x{1F97C}-\x{1F9A2}\x{1F9B4}\x{1F9B7}\x{1F9C0}-\x{1F9C2}\x{1F9D0}\x{1F9DE}-\x{1F9FF}]|[\x{23E9}-\x{23EC}\x{23F0}\x{23F3}\x{267E}\x{26CE}\x{2705}\x{2728}\x{274C}\x{274E}\x{2753}-\x{2755}\x{2795}-\x{2797}\x{27B0}\x{27BF}\x{E50A}])|\x{FE0F})`)

// twemojiMatches returns the byte ranges of the emoji twitter-text 3.1.0
// finds in text, in order. It tries the (anchored) expression only where
// a match can start, which is what a global scan finds too: every
// alternative of the expression begins with ©, ®, ‼, ⁉, a code point from
// U+2100 up, or a keycap base (#, *, 0-9) that FE0F or U+20E3 follows; and
// on at most maxEmojiBytes (the matcher's cost grows with its input).
func twemojiMatches(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !emojiStart(r, text[i+size:]) {
			i += size
			continue
		}
		m := twemojiRE.FindStringIndex(text[i:runeBoundary(text, i+maxEmojiBytes)])
		if m == nil || m[1] == 0 {
			i += size
			continue
		}
		out = append(out, []int{i, i + m[1]})
		i += m[1]
	}
	return out
}

// maxEmojiBytes bounds a match: the longest sequences the expression knows
// (a family or a kiss, a subdivision flag with its tags) take under 32
// bytes.
const maxEmojiBytes = 64

// emojiStart reports whether a twemoji match can start with r, rest being
// the text after it.
func emojiStart(r rune, rest string) bool {
	switch {
	case r == 0xA9 || r == 0xAE || r == 0x203C || r == 0x2049 || r >= 0x2100:
		return true
	case r == '#' || r == '*' || r >= '0' && r <= '9':
		next, _ := utf8.DecodeRuneInString(rest)
		return next == vs16 || next == keycap
	}
	return false
}
