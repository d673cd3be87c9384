package tone

// scratch holds the per-check working memory. Engines pool it, so a check
// allocates nothing unless it reports violations.
type scratch struct {
	text    string
	keys    []byte // folded keys of all tokens, back to back
	fold    []byte // temporary buffer for one rune
	toks    []token
	quotes  []quoteMark
	sents   []sentence
	units   []unit
	sent    int32
	clause  int32
	invalid bool
	figures bool
	own     int8 // namesOwn: 0 not yet known, 1 yes, -1 no
	anyTgt  bool // some unit is a target (set by resolveTargets)
}

// unit is a matched word or phrase: a cue, a target, a negator…
type unit struct {
	t0, t1 int32 // token range [t0, t1)
	sent   int32
	clause int32
	in     info
	negBy  int32    // unit index of the negator, or -1
	target bool     // a target once pronouns and "certains" are resolved
	person int16    // resolved opponent, or -1 for a vague target
	loose  bool     // ils/they made a target only for want of a referent
	raw    bool     // span is given explicitly (ironic quotes)
	span   [4]int32 // start, end, start16, end16 when raw
}

func newScratch() *scratch {
	return &scratch{
		keys:  make([]byte, 0, 512),
		fold:  make([]byte, 0, 8),
		toks:  make([]token, 0, 64),
		sents: make([]sentence, 0, 8),
		units: make([]unit, 0, 32),
	}
}

// reset prepares s for a new text.
func (s *scratch) reset(text string) {
	s.text = text
	s.keys = s.keys[:0]
	s.toks = s.toks[:0]
	s.quotes = s.quotes[:0]
	s.sents = s.sents[:0]
	s.units = s.units[:0]
	s.sent, s.clause = 0, 0
	s.invalid, s.figures = false, false
	s.own = 0
}

// analyze runs the pipeline up to the rules: tokens, lexicon matches,
// negation scopes and target resolution.
func (e *Engine) analyze(s *scratch, text string) {
	s.reset(text)
	s.tokenize(text)
	e.match(s)
	s.negate()
	s.denySpeech()
	s.resolveTargets()
}

func (e *Engine) getScratch() *scratch { return e.pool.Get().(*scratch) }

// putScratch returns s to the pool unless a huge text made it grow.
func (e *Engine) putScratch(s *scratch) {
	if cap(s.toks) > 1<<14 || cap(s.keys) > 1<<17 {
		return
	}
	s.text = ""
	e.pool.Put(s)
}
