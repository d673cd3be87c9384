package tone

// tokFlag describes a token.
type tokFlag uint16

const (
	tEmoji   tokFlag = 1 << iota // an emoji (with its modifiers)
	tNumber                      // digits, maybe with separators
	tHashtag                     // starts with '#'
	tMention                     // starts with '@'
	tCaps                        // all capitals, at least four letters
	tElided                      // an elided article or pronoun: l', d', qu'…
	tUpper                       // starts with a capital letter
	tName                        // part of an opponent's or own-team name
	tHidden                      // hides format characters or look-alike letters
	tOwnName                     // part of an own-team name (set by the prior)
)

// token is a word, number or emoji of the text. Punctuation is not kept as
// tokens: it only advances the sentence and clause counters.
type token struct {
	start, end int32 // byte offsets in the text
	s16, e16   int32 // UTF-16 offsets
	ks, ke     int32 // folded key in scratch.keys
	sent       int32 // sentence index
	clause     int32 // clause index (commas, colons… end a clause)
	flags      tokFlag
}

// quoteMark is a quotation mark, kept to find ironic quotes.
type quoteMark struct {
	start, end int32
	s16, e16   int32
	next       int32 // index of the token that follows the mark
	sent       int32
	kind       int8 // +1 opening, -1 closing, 0 either (")
}

// sentence holds per-sentence style cues.
type sentence struct {
	excl     bool     // "!!" or more
	question bool     // ends with '?'
	style    int8     // cached styled(): 0 unknown, 1 no, 2 yes
	capsTk   int32    // cached capsToken()
	firstTk  int32    // first token index
	ex       [4]int32 // byte and UTF-16 span of the "!!" run
}

// elisions are the French words that drop their vowel before an apostrophe.
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true,
	"c": true, "qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true,
}

// elisionExceptions keep their apostrophe: they are single words.
var elisionExceptions = map[string]bool{
	"aujourd'hui": true, "quelqu'un": true, "quelqu'une": true, "presqu'ile": true,
	"prud'homme": true, "prud'hommes": true, "entr'acte": true,
}

func (t *token) key(s *scratch) string { return string(s.keys[t.ks:t.ke]) }

func width16(r rune) int32 {
	if r >= 0x10000 {
		return 2
	}
	return 1
}
