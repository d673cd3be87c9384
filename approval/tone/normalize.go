package tone

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mtibben/confusables"
	"golang.org/x/text/unicode/norm"
)

// Normalisation. The tokenizer reads the original text and folds each
// rune as it goes, so spans always index the original bytes and UTF-16
// units (the offset map is the token itself). Three things are undone on
// the way, because each one once turned a blocked attack into "ok":
//
//   - default-ignorable and format characters (Cf: U+200B…U+200F, U+00AD
//     soft hyphen, U+2060 word joiner, U+FEFF, bidi controls, variation
//     selectors, tags) are skipped and do not split a word;
//   - compatibility forms (full-width Ｌａｃｏｍｂｅ, mathematical 𝐦𝐞𝐧𝐭,
//     ligatures, superscripts) fold through their NFKC decomposition;
//   - letters of other scripts that look like Latin ones (Cyrillic а, е,
//     о, р, с; Greek ο, α…) fold to the Latin letter of their UTS #39
//     confusable skeleton.
//
// A word that mixes such characters with ordinary letters is flagged
// (token flag tHidden) and reported by the obfuscation rule.

// isIgnorable reports whether r is a default-ignorable or format
// character that a word may hide.
func isIgnorable(r rune) bool {
	if r < 0xad {
		return false
	}
	switch {
	case r == 0xad, r == 0x34f, r == 0x61c, r == 0x115f, r == 0x1160, r == 0x17b4, r == 0x17b5, r == 0x3164, r == 0xffa0:
		return true
	case r >= 0x180b && r <= 0x180f, r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0000 && r <= 0xe0fff:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// lookalikes maps letters of non-Latin scripts to the ASCII letter of
// their confusable skeleton; built once from the UTS #39 table.
var (
	lookalikeOnce sync.Once
	lookalikeMap  map[rune]byte
)

// lookalikeRanges are the scripts whose letters imitate Latin ones.
var lookalikeRanges = [][2]rune{
	{0x370, 0x52f},   // Greek, Cyrillic, Cyrillic supplement
	{0x530, 0x58f},   // Armenian
	{0x13a0, 0x13ff}, // Cherokee
	{0x1d00, 0x1dbf}, // phonetic extensions
	{0x2c80, 0x2cff}, // Coptic
	{0xa640, 0xa69f}, // Cyrillic extended-B
	{0xab70, 0xabbf}, // Cherokee supplement
}

func buildLookalikes() {
	lookalikeMap = map[rune]byte{}
	for _, rg := range lookalikeRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if !unicode.IsLetter(r) {
				continue
			}
			sk := norm.NFKC.String(confusables.Skeleton(string(r)))
			if len(sk) == 1 && isASCIILetter(sk[0]) {
				lookalikeMap[r] = sk[0] | 0x20
			}
		}
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// latinLookalikes are Latin letters outside ASCII that the UTS #39 table
// leaves alone but that read as an ASCII letter: IPA forms (script g,
// alpha, dotless i) and small capitals.
var latinLookalikes = map[rune]byte{
	'ɡ': 'g', 'ɑ': 'a', 'ı': 'i', 'ȷ': 'j', 'ɩ': 'i', 'ǀ': 'l', 'ɪ': 'i', 'ʀ': 'r', 'ʏ': 'y',
	'ʙ': 'b', 'ɢ': 'g', 'ʜ': 'h', 'ʟ': 'l', 'ɴ': 'n', 'ᴀ': 'a', 'ᴄ': 'c', 'ᴅ': 'd', 'ᴇ': 'e',
	'ᴊ': 'j', 'ᴋ': 'k', 'ᴍ': 'm', 'ᴏ': 'o', 'ᴘ': 'p', 'ᴛ': 't', 'ᴜ': 'u', 'ᴠ': 'v', 'ᴡ': 'w',
	'ᴢ': 'z', 'ꜰ': 'f', 'ꜱ': 's',
}

// lookalike returns the Latin letter r imitates, if any.
func lookalike(r rune) (byte, bool) {
	if b, ok := latinLookalikes[r]; ok {
		return b, true
	}
	if r < 0x370 {
		return 0, false
	}
	lookalikeOnce.Do(buildLookalikes)
	b, ok := lookalikeMap[r]
	return b, ok
}

// compatFold appends the fold of r's NFKC decomposition (full-width,
// mathematical and other compatibility letters), reporting whether r had
// one.
func compatFold(dst []byte, r rune) ([]byte, bool) {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFKC.Properties(buf[:n]).Decomposition()
	if len(d) == 0 {
		return dst, false
	}
	for _, dr := range string(d) {
		if dr == r {
			return dst, false
		}
		dst = appendFold(dst, dr)
	}
	return dst, true
}

// runeKind classifies a letter for obfuscation: ordinary, a look-alike of
// another script or a compatibility form.
type runeKind uint8

const (
	kindPlain runeKind = iota
	kindLookalike
	kindCompat
)

func kindOf(r rune) runeKind {
	if r < 0x370 {
		return kindPlain
	}
	if _, ok := lookalike(r); ok {
		return kindLookalike
	}
	if (r >= 0xff01 && r <= 0xff5e) || (r >= 0x1d400 && r <= 0x1d7ff) || (r >= 0x2460 && r <= 0x24ff) || (r >= 0x1f130 && r <= 0x1f189) {
		return kindCompat
	}
	return kindPlain
}

// Normalize returns text as the rules read it, with its case and accents
// kept: NFKC, format and default-ignorable characters removed (except
// inside emoji sequences), look-alike letters mapped to Latin inside words
// that mix them with Latin letters. Approval routing reads its signals
// from this text, so hidden characters cannot route an attack or a pledge
// past the candidate.
func Normalize(text string) string {
	text = strings.ToValidUTF8(text, "\uFFFD")
	var b strings.Builder
	b.Grow(len(text))
	prev := rune(0)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case (r == 0x200d || (r >= 0xfe00 && r <= 0xfe0f) || (r >= 0xe0020 && r <= 0xe007f)) && isEmoji(prev):
			b.WriteRune(r)
			i += size
			continue // keep prev: the emoji sequence goes on
		case isIgnorable(r):
		case isApostropheLike(r):
			b.WriteByte('\'')
		case unicode.Is(unicode.No, r):
			// "Lacombe¼": the tokenizer ends the word at ¼; NFKC would glue
			// its digits to it ("Lacombe1⁄4"), so keep them apart.
			b.WriteByte(' ')
			b.WriteRune(r)
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
		if !isIgnorable(r) {
			prev = r
		}
		i += size
	}
	return mapLookalikeWords(norm.NFKC.String(b.String()))
}

// isApostropheLike reports whether r is a modifier letter or other sign
// drawn like an apostrophe, which would otherwise glue "m'engage" into one
// word.
func isApostropheLike(r rune) bool {
	switch r {
	case 'ʼ', 'ʹ', 'ʻ', 'ʽ', 'ˈ', 'ꞌ', '＇':
		return true
	}
	return false
}

// mapLookalikeWords maps look-alike letters to Latin in the words that
// mix them with Latin letters.
func mapLookalikeWords(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for len(text) > 0 {
		n := strings.IndexFunc(text, func(r rune) bool { return !isWordRune(r) })
		if n < 0 {
			n = len(text)
		}
		if n == 0 {
			_, size := utf8.DecodeRuneInString(text)
			b.WriteString(text[:size])
			text = text[size:]
			continue
		}
		b.WriteString(mapWord(text[:n]))
		text = text[n:]
	}
	return b.String()
}

// mapWord maps the look-alikes of word if it also holds Latin letters.
func mapWord(word string) string {
	latin, other := false, false
	for _, r := range word {
		if _, ok := lookalike(r); ok {
			other = true
		} else if r < 0x250 && unicode.IsLetter(r) {
			latin = true
		}
	}
	if !latin || !other {
		return word
	}
	var b strings.Builder
	for _, r := range word {
		if l, ok := lookalike(r); ok {
			if unicode.IsUpper(r) {
				l -= 0x20
			}
			b.WriteByte(l)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
