package tone

import (
	"unicode"
	"unicode/utf8"
)

// wordState accumulates what readWord learns about a word.
type wordState struct {
	tok             token
	aposB, aposK    int32 // byte and key offsets of the first apostrophe, or -1
	aposU           int32
	letters, uppers int
	lowers, digits  int
	plain, odd      int  // Latin letters; look-alike or compatibility letters
	hidden          bool // a format character inside the word
}

// readWord reads a word, hashtag, mention or number at the cursor.
func (s *scratch) readWord(c *cursor) {
	w := wordState{aposB: -1}
	w.tok = token{start: int32(c.i), s16: c.u, ks: int32(len(s.keys)), sent: s.sent, clause: s.clause}
	r, size := c.peek()
	if r == '#' || r == '@' {
		w.tok.flags |= tMention
		if r == '#' {
			w.tok.flags = tHashtag
		}
		s.keys = append(s.keys, byte(r))
		c.advance(r, size)
	}
	first := true
	for c.i < len(c.text) {
		r, size = c.peek()
		if !s.wordRune(c, &w, r) {
			break
		}
		if first && unicode.IsUpper(r) {
			w.tok.flags |= tUpper
		}
		first = false
		c.advance(r, size)
	}
	w.tok.end, w.tok.e16, w.tok.ke = int32(c.i), c.u, int32(len(s.keys))
	if w.letters >= 4 && w.lowers == 0 {
		w.tok.flags |= tCaps
	}
	if w.digits > 0 && w.letters == 0 {
		w.tok.flags |= tNumber
	}
	if w.hidden || w.odd > 0 && w.plain > 0 {
		w.tok.flags |= tHidden
	}
	s.pushWord(w)
}

// wordRune consumes r into the word if it belongs there.
func (s *scratch) wordRune(c *cursor, w *wordState, r rune) bool {
	switch {
	case isWordRune(r):
		s.countRune(w, r)
	case isCombining(r):
	case isIgnorable(r):
		if !s.hiddenInWord(c, w, r) {
			return false
		}
		w.hidden = true
		return true
	case isApostrophe(r) && w.letters > 0 && isWordRune(c.peekAt(utf8.RuneLen(r))):
		if w.aposB < 0 {
			w.aposB, w.aposK, w.aposU = int32(c.i), int32(len(s.keys)), c.u
		}
		s.keys = append(s.keys, '\'')
		return true
	case (r == '.' || r == ',') && w.digits > 0 && w.letters == 0 && isDigit(c.peekAt(1)):
	case (r == '_' || r == '.') && w.tok.flags&(tHashtag|tMention) != 0 && isWordRune(c.peekAt(1)):
	default:
		return false
	}
	s.keys = appendFold(s.keys, r)
	return true
}

func (s *scratch) countRune(w *wordState, r rune) {
	switch kindOf(r) {
	case kindPlain:
		if r < 0x250 && !isDigit(r) {
			w.plain++
		}
	default:
		w.odd++
	}
	switch {
	case isDigit(r):
		w.digits++
	case unicode.IsUpper(r):
		w.letters++
		w.uppers++
	default:
		w.letters++
		if unicode.IsLower(r) {
			w.lowers++
		}
	}
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// pushWord appends the word, splitting French elisions (l'équipe → l +
// équipe) and English possessives (Lacombe's → Lacombe).
func (s *scratch) pushWord(w wordState) {
	t := w.tok
	if w.aposB < 0 || t.flags&(tHashtag|tMention) != 0 {
		s.addToken(t)
		return
	}
	key := s.keys[t.ks:t.ke]
	if elisionExceptions[string(key)] {
		s.addToken(t)
		return
	}
	if elisions[string(s.keys[t.ks:w.aposK])] {
		s.splitElision(w)
		return
	}
	if n := len(key); n > 2 && int(w.aposK-t.ks) == n-2 && key[n-1] == 's' {
		t.end, t.e16, t.ke = w.aposB, w.aposU, w.aposK
	}
	s.addToken(t)
}

// splitElision emits the elided prefix and re-examines the rest.
func (s *scratch) splitElision(w wordState) {
	t := w.tok
	head := t
	head.end, head.e16, head.ke = w.aposB, w.aposU, w.aposK
	head.flags = tElided
	s.addToken(head)
	apos, size := utf8.DecodeRuneInString(s.text[w.aposB:])
	rest := wordState{aposB: -1, letters: 1, lowers: w.lowers}
	rest.tok = t
	rest.tok.start, rest.tok.s16, rest.tok.ks = w.aposB+int32(size), w.aposU+width16(apos), w.aposK+1
	rest.tok.flags &^= tUpper
	for k := rest.tok.ks; k < rest.tok.ke; k++ {
		if s.keys[k] == '\'' {
			rest.aposK = k
			rest.aposB, rest.aposU = s.locate(rest.tok, k)
			break
		}
	}
	s.pushWord(rest)
}

// locate finds the byte and UTF-16 offsets of the apostrophe whose key
// offset is k inside token t.
func (s *scratch) locate(t token, k int32) (int32, int32) {
	kk, u := t.ks, t.s16
	for i := int(t.start); i < int(t.end); {
		r, size := utf8.DecodeRuneInString(s.text[i:])
		if isApostrophe(r) {
			if kk == k {
				return int32(i), u
			}
			kk++
		} else {
			kk += int32(len(appendFold(s.fold[:0], r)))
		}
		i += size
		u += width16(r)
	}
	return -1, -1
}

func (s *scratch) addToken(t token) {
	if t.end <= t.start || t.ke <= t.ks {
		return
	}
	s.toks = append(s.toks, t)
}

// hiddenInWord reports whether the format character r at the cursor sits
// between two word characters, i.e. hides inside the word.
func (s *scratch) hiddenInWord(c *cursor, w *wordState, r rune) bool {
	if w.letters+w.digits == 0 {
		return false
	}
	for off := utf8.RuneLen(r); c.i+off < len(c.text); {
		next, size := utf8.DecodeRuneInString(c.text[c.i+off:])
		if !isIgnorable(next) {
			return isWordRune(next)
		}
		off += size
	}
	return false
}
