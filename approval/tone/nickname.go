package tone

// Mock nicknames: a title before a capitalised common word ("Madame
// Béton", "« Monsieur Sécurité »", "Mr Handcuffs") or a mocking title
// before any capitalised word ("Tonton Thibault", "Captain Concrete") names
// someone by a caricature: ridicule. "Madame Haddou" (a name) and "Mme
// Ortega" (a word the engine does not know) are not nicknames.

// Title kinds: a civil title needs a common word after it; a mocking
// title mocks whatever follows.
const (
	civilTitle = 1 + iota
	mockTitle
)

var nickTitles = map[string]int{
	"madame": civilTitle, "monsieur": civilTitle, "mme": civilTitle, "mister": civilTitle,
	"mr": civilTitle, "mrs": civilTitle, "ms": civilTitle, "miss": civilTitle,
	"tonton": mockTitle, "tata": mockTitle, "captain": mockTitle, "capitaine": mockTitle,
}

// mockNicknames emits ridicule for the first mock nickname of the post.
func (b *builder) mockNicknames() {
	if b.p[ruleRidicule] == sevOff || b.res.Has(RuleRidicule) || b.s.goodwill() {
		return
	}
	for i := 0; i+1 < len(b.s.toks); i++ {
		t := &b.s.toks[i]
		kind := nickTitles[string(b.s.keys[t.ks:t.ke])]
		if kind == 0 || !b.nicknameAfter(i+1, kind) {
			continue
		}
		n := &b.s.toks[i+1]
		u := unit{t0: int32(i), t1: int32(i + 2), sent: t.sent, clause: t.clause, negBy: -1, person: -1,
			raw: true, span: [4]int32{t.start, n.end, t.s16, n.e16}}
		b.s.units = append(b.s.units, u)
		k := len(b.s.units) - 1
		b.emit(hit{rule: ruleRidicule, weight: 1, cue: k, target: k, negator: -1, sent: t.sent})
		return
	}
}

// nicknameAfter reports whether token j, after a title of kind, makes a
// nickname: capitalised, in the same sentence, not a name, and (after a
// civil title) a word the lexicons know.
func (b *builder) nicknameAfter(j, kind int) bool {
	n := &b.s.toks[j]
	if n.sent != b.s.toks[j-1].sent || n.flags&(tUpper|tHashtag|tMention|tCaps) != tUpper {
		return false
	}
	if kind == mockTitle {
		return true
	}
	return n.flags&tName == 0 && b.e.knownWord(b.s.keys[n.ks:n.ke])
}

// knownWord reports a common word: in the lexicons or the published
// evaluative lexicons. (The prior's vocabulary was tried as a wider
// dictionary: one more post on the development sets, not worth tying the
// rules to the prior.)
func (e *Engine) knownWord(key []byte) bool {
	if _, ok := e.lex[string(key)]; ok {
		return true
	}
	_, ok := evalLex[string(key)]
	return ok
}
