package textlen

import "strings"

// littleTextReserved are the characters LinkedIn's "little" text format
// reserves in a post's commentary; unescaped, they can make the API
// reject the post or silently cut its text.
const littleTextReserved = `\|{}@[]()<>#*_~`

// EscapeLittleText escapes text for the commentary of a LinkedIn post:
// each reserved character gets a backslash before it.
func EscapeLittleText(text string) string {
	if !strings.ContainsAny(text, littleTextReserved) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 8)
	for _, r := range text {
		if r < 0x80 && strings.ContainsRune(littleTextReserved, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
