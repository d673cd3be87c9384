package tone

import "strings"

// match finds lexicon words and phrases in the tokens, longest phrase first.
func (e *Engine) match(s *scratch) {
	for i := 0; i < len(s.toks); {
		n, in := e.matchAt(s, i)
		if n == 0 {
			i++
			continue
		}
		if in.cls&(cOpponent|cOwn) != 0 {
			for k := i; k < i+n; k++ {
				s.toks[k].flags |= tName
			}
		}
		if in.cls&cSuppress == 0 {
			t := &s.toks[i]
			s.units = append(s.units, unit{t0: int32(i), t1: int32(i + n), sent: t.sent,
				clause: t.clause, in: in, negBy: -1, person: -1})
		}
		i += n
	}
}

// matchAt returns the number of tokens matched at i and what they mean.
func (e *Engine) matchAt(s *scratch, i int) (int, info) {
	key := s.toks[i].key(s)
	en := e.lex[key]
	if en == nil && len(key) > 1 && key[0] == '#' {
		en = e.lex[key[1:]]
	}
	if en != nil {
		if n, in, ok := s.matchPhrases(en, i); ok {
			return n, in
		}
		if en.hasSingle && (en.single.cls&cCapital == 0 || s.toks[i].flags&(tUpper|tHashtag|tMention) != 0) &&
			(en.single.cls != cEval || !s.properNoun(i)) {
			return 1, en.single
		}
	}
	if in, ok := e.matchHashtag(key); ok {
		return 1, in
	}
	if isLaugh(key) {
		in := info{cls: cRidicule, person: -1}
		in.weight[ruleRidicule] = 1
		return 1, in
	}
	return 0, info{}
}

// properNoun reports a word capitalised inside a clause ("la Nuit
// Blanche", "lycée Pierre-de-Fermat"): a name, not the word of the
// published lexicons it spells.
func (s *scratch) properNoun(i int) bool {
	t := &s.toks[i]
	if t.flags&(tUpper|tCaps|tHashtag|tMention) != tUpper || i == 0 {
		return false
	}
	p := &s.toks[i-1]
	return p.sent == t.sent && p.clause == t.clause && p.flags&tEmoji == 0
}

// matchRest reports whether the tokens from i, in the same sentence, have
// the keys rest.
func (s *scratch) matchRest(i int, rest []string) bool {
	if i+len(rest) > len(s.toks) {
		return false
	}
	sent := s.toks[i-1].sent
	for k, want := range rest {
		t := &s.toks[i+k]
		if t.sent != sent || string(s.keys[t.ks:t.ke]) != want {
			return false
		}
	}
	return true
}

// isLaugh recognises stretched laughter: mdrrr, ptdrrr, looool, hahaha,
// ahahah, xptdr, lmaooo.
func isLaugh(k string) bool {
	k = strings.TrimPrefix(k, "#")
	if len(k) < 3 || len(k) > 40 {
		return false
	}
	switch {
	case k[0] == 'l' && k[len(k)-1] == 'l' && onlyOf(k[1:len(k)-1], "o") && len(k) >= 4:
		return true
	case strings.HasPrefix(k, "mdr") && onlyOf(k[3:], "r"):
		return true
	case strings.HasPrefix(k, "ptdr") && onlyOf(k[4:], "r"),
		strings.HasPrefix(k, "xptdr") && onlyOf(k[5:], "r"):
		return true
	case strings.HasPrefix(k, "lmao") && onlyOf(k[4:], "o"):
		return true
	}
	return len(k) >= 4 && onlyOf(k, "ah") && strings.Contains(k, "aha") ||
		len(k) >= 4 && onlyOf(k, "hi") && strings.Contains(k, "ihi")
}

func onlyOf(s, set string) bool {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(set, s[i]) < 0 {
			return false
		}
	}
	return true
}

// matchPhrases returns the longest phrase of en that matches at token i.
func (s *scratch) matchPhrases(en *entry, i int) (int, info, bool) {
	if en.next == nil {
		for _, p := range en.phrases {
			if s.matchRest(i+1, p.rest) {
				return 1 + len(p.rest), p.info, true
			}
		}
		return 0, info{}, false
	}
	if i+1 >= len(s.toks) {
		return 0, info{}, false
	}
	t := &s.toks[i+1]
	for _, k := range en.next[string(s.keys[t.ks:t.ke])] {
		if p := &en.phrases[k]; s.matchRest(i+1, p.rest) {
			return 1 + len(p.rest), p.info, true
		}
	}
	return 0, info{}, false
}
