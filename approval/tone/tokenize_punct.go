package tone

import "unicode"

// isEmoji reports whether r starts an emoji.
func isEmoji(r rune) bool {
	return (r >= 0x1f000 && r <= 0x1faff) || (r >= 0x2600 && r <= 0x27bf) ||
		(r >= 0x2b00 && r <= 0x2bff) || r == 0x203c || r == 0x2049
}

// isEmojiModifier reports whether r extends the emoji before it.
func isEmojiModifier(r rune) bool {
	return r == 0xfe0f || r == 0x20e3 || (r >= 0x1f3fb && r <= 0x1f3ff) ||
		(r >= 0xe0020 && r <= 0xe007f)
}

// readEmoji reads one emoji with its skin tone, variation selector and
// zero-width-joined parts. Its key is the base emoji, so 👏🏽 matches 👏.
func (s *scratch) readEmoji(c *cursor) {
	t := token{start: int32(c.i), s16: c.u, ks: int32(len(s.keys)), sent: s.sent, clause: s.clause, flags: tEmoji}
	r, size := c.peek()
	s.keys = append(s.keys, c.text[c.i:c.i+size]...)
	c.advance(r, size)
	for c.i < len(c.text) {
		r, size = c.peek()
		switch {
		case isEmojiModifier(r):
			c.advance(r, size)
		case r == 0x200d && isEmoji(c.peekAt(size)):
			c.advance(r, size)
			r, size = c.peek()
			c.advance(r, size)
		default:
			t.end, t.e16, t.ke = int32(c.i), c.u, int32(len(s.keys))
			s.addToken(t)
			return
		}
	}
	t.end, t.e16, t.ke = int32(c.i), c.u, int32(len(s.keys))
	s.addToken(t)
}

// punct handles a rune that is neither part of a word nor an emoji.
func (s *scratch) punct(c *cursor, r rune, size int) {
	switch r {
	case '?':
		s.sents[s.sent].question = true
		s.endSentence()
	case '.', '…', '¿', '\n':
		s.endSentence()
	case '!', '¡':
		s.exclamations(c)
		return
	case '«', '“', '„', '‹', '»', '”', '›', '"':
		s.quote(c, r, size)
		return
	case '%', '€', '$', '£':
		s.unitSymbol(c, size)
	case ' ', '\t', '\r', 0xa0, 0x202f, 0x2009, '#', '@', '\'', '’', 0xfe0f, 0x200d:
	case '-':
		if !(c.i > 0 && isWordRune(c.peekAt(1)) && c.text[c.i-1] != ' ') {
			s.clause++
		}
	default:
		if !unicode.IsSpace(r) && !isCombining(r) {
			s.clause++
		}
	}
	c.advance(r, size)
}

// endSentence starts a new sentence unless the current one is empty.
func (s *scratch) endSentence() {
	if s.sents[s.sent].firstTk == int32(len(s.toks)) {
		s.clause++
		return
	}
	s.newSentence()
}

// exclamations reads a run of '!' (and '?' mixed in); two or more make a
// style cue on the sentence they close.
func (s *scratch) exclamations(c *cursor) {
	n, start, start16 := 0, c.i, c.u
	for c.i < len(c.text) {
		r, size := c.peek()
		if r == '!' || r == '¡' || r == '?' || r == ' ' {
			if r == '!' || r == '¡' {
				n++
			}
			c.advance(r, size)
			continue
		}
		break
	}
	if n >= 2 {
		end, end16 := c.i, c.u
		for end > start && c.text[end-1] == ' ' {
			end, end16 = end-1, end16-1
		}
		st := &s.sents[s.sent]
		st.excl, st.ex = true, [4]int32{int32(start), int32(end), start16, end16}
	}
	s.endSentence()
}

// quote records a quotation mark.
func (s *scratch) quote(c *cursor, r rune, size int) {
	q := quoteMark{start: int32(c.i), s16: c.u, next: int32(len(s.toks)), sent: s.sent}
	switch r {
	case '«', '“', '„', '‹':
		q.kind = 1
	case '»', '”', '›':
		q.kind = -1
	}
	c.advance(r, size)
	q.end, q.e16 = int32(c.i), c.u
	s.quotes = append(s.quotes, q)
}

// unitSymbol marks figures: a number next to %, €, $ or £.
func (s *scratch) unitSymbol(c *cursor, size int) {
	if n := len(s.toks); n > 0 && s.toks[n-1].flags&tNumber != 0 && int(s.toks[n-1].end)+2 >= c.i {
		s.figures = true
	}
	if isDigit(c.peekAt(size)) {
		s.figures = true
	}
}
