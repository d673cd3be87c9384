package textlen

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// pictographic lists the Extended_Pictographic code points of Unicode's
// emoji-data.txt (Unicode 15.1), merged into ranges.
var pictographic = [][2]rune{
	{0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x203C, 0x203C}, {0x2049, 0x2049},
	{0x2122, 0x2122}, {0x2139, 0x2139}, {0x2194, 0x2199}, {0x21A9, 0x21AA},
	{0x231A, 0x231B}, {0x2328, 0x2328}, {0x2388, 0x2388}, {0x23CF, 0x23CF},
	{0x23E9, 0x23F3}, {0x23F8, 0x23FA}, {0x24C2, 0x24C2}, {0x25AA, 0x25AB},
	{0x25B6, 0x25B6}, {0x25C0, 0x25C0}, {0x25FB, 0x25FE}, {0x2600, 0x2605},
	{0x2607, 0x2612}, {0x2614, 0x2685}, {0x2690, 0x2705}, {0x2708, 0x2712},
	{0x2714, 0x2714}, {0x2716, 0x2716}, {0x271D, 0x271D}, {0x2721, 0x2721},
	{0x2728, 0x2728}, {0x2733, 0x2734}, {0x2744, 0x2744}, {0x2747, 0x2747},
	{0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757},
	{0x2763, 0x2767}, {0x2795, 0x2797}, {0x27A1, 0x27A1}, {0x27B0, 0x27B0},
	{0x27BF, 0x27BF}, {0x2934, 0x2935}, {0x2B05, 0x2B07}, {0x2B1B, 0x2B1C},
	{0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x3030, 0x3030}, {0x303D, 0x303D},
	{0x3297, 0x3297}, {0x3299, 0x3299}, {0x1F000, 0x1F0FF}, {0x1F10D, 0x1F10F},
	{0x1F12F, 0x1F12F}, {0x1F16C, 0x1F171}, {0x1F17E, 0x1F17F}, {0x1F18E, 0x1F18E},
	{0x1F191, 0x1F19A}, {0x1F1AD, 0x1F1E5}, {0x1F201, 0x1F20F}, {0x1F21A, 0x1F21A},
	{0x1F22F, 0x1F22F}, {0x1F232, 0x1F23A}, {0x1F23C, 0x1F23F}, {0x1F249, 0x1F3FA},
	{0x1F400, 0x1F53D}, {0x1F546, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F774, 0x1F77F},
	{0x1F7D5, 0x1F7FF}, {0x1F80C, 0x1F80F}, {0x1F848, 0x1F84F}, {0x1F85A, 0x1F85F},
	{0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8FF}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945},
	{0x1F947, 0x1FAFF}, {0x1FC00, 0x1FFFD},
}

// Emoji components.
const (
	zwj       = 0x200D // zero-width joiner
	vs16      = 0xFE0F // variation selector 16, emoji presentation
	keycap    = 0x20E3 // combining enclosing keycap
	tagCancel = 0xE007F
)

func isPictographic(r rune) bool {
	if r < 0xA9 {
		return false
	}
	lo, hi := 0, len(pictographic)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < pictographic[m][0]:
			hi = m
		case r > pictographic[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }
func isSkinTone(r rune) bool          { return r >= 0x1F3FB && r <= 0x1F3FF }
func isTag(r rune) bool               { return r >= 0xE0020 && r <= 0xE007E }
func isKeycapBase(r rune) bool        { return r == '#' || r == '*' || r >= '0' && r <= '9' }

// maybeEmoji reports whether an emoji sequence can start with r: it lets
// the counters skip grapheme segmentation for most text.
func maybeEmoji(r rune) bool {
	return isKeycapBase(r) || r >= 0xA9 && (isPictographic(r) || isRegionalIndicator(r) || isSkinTone(r))
}

// emojiLen returns the byte length of the emoji sequence starting s, or 0.
// The sequence is bounded by s's first grapheme cluster (uniseg) and
// follows Unicode's emoji grammar: a flag (two regional indicators), a
// keycap ([0-9#*] FE0F? 20E3), or pictographs with an optional FE0F or skin
// tone and tags, joined by ZWJ. © and ® count as emoji only with FE0F.
func emojiLen(s string) int {
	r, _ := utf8.DecodeRuneInString(s)
	if !maybeEmoji(r) {
		return 0
	}
	cluster, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1)
	switch {
	case isRegionalIndicator(r):
		return flagLen(cluster)
	case isKeycapBase(r):
		return keycapLen(cluster)
	}
	return pictographLen(cluster)
}

func flagLen(c string) int {
	_, n := utf8.DecodeRuneInString(c)
	if r, m := utf8.DecodeRuneInString(c[n:]); isRegionalIndicator(r) {
		n += m
	}
	return n
}

func keycapLen(c string) int {
	n := 1
	if r, m := utf8.DecodeRuneInString(c[n:]); r == vs16 {
		n += m
	}
	if r, m := utf8.DecodeRuneInString(c[n:]); r == keycap {
		return n + m
	}
	return 0
}

// pictographLen reads element (ZWJ element)* from c.
func pictographLen(c string) int {
	n := elementLen(c)
	for n > 0 && n < len(c) {
		r, m := utf8.DecodeRuneInString(c[n:])
		if r != zwj {
			break
		}
		next := elementLen(c[n+m:])
		if next == 0 {
			break
		}
		n += m + next
	}
	return n
}

// elementLen reads one pictograph or skin tone with its modifiers.
func elementLen(c string) int {
	r, n := utf8.DecodeRuneInString(c)
	if !isPictographic(r) && !isSkinTone(r) {
		return 0
	}
	textDefault := r < 0x1000 // © and ®: emoji only when FE0F follows
	if m, size := utf8.DecodeRuneInString(c[n:]); m == vs16 || isSkinTone(m) {
		n += size
		textDefault = false
	}
	if textDefault {
		return 0
	}
	return n + tagsLen(c[n:])
}

// tagsLen reads a tag sequence (tags then CANCEL TAG) from s.
func tagsLen(s string) int {
	n := 0
	for {
		r, size := utf8.DecodeRuneInString(s[n:])
		switch {
		case isTag(r):
			n += size
		case r == tagCancel && n > 0:
			return n + size
		default:
			return 0
		}
	}
}
