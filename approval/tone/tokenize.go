package tone

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cursor walks the text keeping byte and UTF-16 offsets in step.
type cursor struct {
	text string
	i    int
	u    int32
}

func (c *cursor) peek() (rune, int) {
	if c.i >= len(c.text) {
		return -1, 0
	}
	r := rune(c.text[c.i])
	if r < utf8.RuneSelf {
		return r, 1
	}
	return utf8.DecodeRuneInString(c.text[c.i:])
}

func (c *cursor) peekAt(off int) rune {
	if c.i+off >= len(c.text) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(c.text[c.i+off:])
	return r
}

func (c *cursor) advance(r rune, size int) {
	c.i += size
	if r == utf8.RuneError && size == 1 {
		c.u++
		return
	}
	c.u += width16(r)
}

// tokenize fills s.toks, s.quotes and s.sents from text.
func (s *scratch) tokenize(text string) {
	c := cursor{text: text}
	s.newSentence()
	for c.i < len(text) {
		r, size := c.peek()
		switch {
		case r == utf8.RuneError && size == 1:
			s.invalid = true
			s.clause++
			c.advance(r, size)
		case isWordRune(r) || ((r == '#' || r == '@') && isWordRune(c.peekAt(1))):
			if isURLStart(text[c.i:]) {
				s.skipURL(&c)
				continue
			}
			s.readWord(&c)
		case isIgnorable(r):
			c.advance(r, size) // between words: nothing to hide
		case isEmoji(r):
			s.readEmoji(&c)
		default:
			s.punct(&c, r, size)
		}
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isURLStart(s string) bool {
	if len(s) < 8 || (s[0]|0x20 != 'h' && s[0]|0x20 != 'w') {
		return false
	}
	return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "www.")
}

// hasPrefixFold is an ASCII case-insensitive strings.HasPrefix.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func (s *scratch) skipURL(c *cursor) {
	for c.i < len(c.text) {
		r, size := c.peek()
		if unicode.IsSpace(r) {
			return
		}
		c.advance(r, size)
	}
}

func (s *scratch) newSentence() {
	s.sents = append(s.sents, sentence{firstTk: int32(len(s.toks))})
	s.sent = int32(len(s.sents) - 1)
	s.clause++
}
