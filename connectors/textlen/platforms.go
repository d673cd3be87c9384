package textlen

import (
	"fmt"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// rules maps platform names to how they count.
var rules = map[string]rule{
	"x":        {"X", 280, "weighted characters", countX},
	"mastodon": {"Mastodon", 500, "characters", countMastodon},
	"bluesky":  {"Bluesky", 300, "graphemes", countBluesky},
	"facebook": {"Facebook", 63206, "characters", countRunes},
	"linkedin": {"LinkedIn", 3000, "characters once escaped", countLinkedIn},
	"threads":  {"Threads", 500, "characters", countThreads},
	"telegram": {"Telegram", 4096, "UTF-16 code units", countTelegram},
	"sandbox":  {"the sandbox", 5000, "characters", countRunes},
}

// blueskyMaxBytes is Bluesky's second limit, on the UTF-8 encoding.
const blueskyMaxBytes = 3000

// countX uses twitter-text v3; X also refuses U+FFFE, U+FEFF and U+FFFF.
func countX(ru rule, r *Result, text string, _ Options) {
	cfg := XConfigV3
	cfg.MaxWeightedLength = r.Limit
	p := ParseX(text, cfg)
	r.Length = p.WeightedLength
	ru.checkLimit(r)
	if bad := firstInvalidChar(text); bad >= 0 {
		r.Problems = append(r.Problems, fmt.Sprintf("text contains U+%04X, which X refuses", bad))
	}
}

// countRunes counts code points (Facebook, the sandbox).
func countRunes(ru rule, r *Result, text string, _ Options) {
	r.Length = utf8.RuneCountInString(text)
	ru.checkLimit(r)
}

// countLinkedIn counts the code points of the commentary as sent, that
// is after EscapeLittleText: each reserved character takes two.
func countLinkedIn(ru rule, r *Result, text string, _ Options) {
	r.Length = utf8.RuneCountInString(EscapeLittleText(text))
	ru.checkLimit(r)
}

// countTelegram counts UTF-16 code units: the Bot API measures message
// length and entity offsets in UTF-16 units, after parsing entities, so
// the caller should pass the text without HTML markup.
func countTelegram(ru rule, r *Result, text string, _ Options) {
	r.Length = utf16Len(text)
	ru.checkLimit(r)
}

// countBluesky counts grapheme clusters, and also checks the 3,000-byte
// limit of app.bsky.feed.post.
func countBluesky(ru rule, r *Result, text string, _ Options) {
	r.Length = uniseg.GraphemeClusterCount(text)
	ru.checkLimit(r)
	if len(text) > blueskyMaxBytes {
		r.Problems = append(r.Problems, fmt.Sprintf("text is %d bytes in UTF-8, Bluesky allows %d",
			len(text), blueskyMaxBytes))
	}
}

// countThreads counts code points, except that an emoji sequence counts as
// many characters as its UTF-8 bytes, as Threads does.
func countThreads(ru rule, r *Result, text string, _ Options) {
	for i := 0; i < len(text); {
		if n := emojiLen(text[i:]); n > 0 {
			r.Length += n
			i += n
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		r.Length++
		i += size
	}
	ru.checkLimit(r)
}

// firstInvalidChar returns the first character X refuses in text, or -1.
func firstInvalidChar(text string) rune {
	for _, r := range text {
		if isInvalidChar(r) {
			return r
		}
	}
	return -1
}
