package tone

import (
	"fmt"
	"slices"
	"sync"
)

// phrase is a multi-token lexicon entry; its first key indexes it.
type phrase struct {
	rest []string
	info info
}

// entry gathers what a folded key starts: a single word and/or phrases.
type entry struct {
	single    info
	hasSingle bool
	phrases   []phrase // longest first
	// next indexes phrases by their second key when there are many
	// (generated frames put hundreds behind "n'" or "has").
	next map[string][]int32
}

// indexThreshold is the number of phrases from which an entry indexes
// them by their second key.
const indexThreshold = 8

// lexicon maps folded keys to entries.
type lexicon map[string]*entry

// add records every form of spec under class c.
func (lx lexicon) add(lang, spec string, c class, person int16) error {
	w, err := parseSpec(spec)
	if err != nil {
		return err
	}
	in := info{cls: c, person: person}
	if r, ok := cueRule(c); ok {
		in.weight[r] = w.weight
	}
	for _, form := range w.forms(lang) {
		lx.addForm(form, in)
	}
	return nil
}

// addForm tokenizes form as a text would be and files it; a reference to
// someone that opens with an article is also filed with the other
// articles and demonstratives (determiners.go).
func (lx lexicon) addForm(form string, in info) {
	keys := keysOf(form)
	if len(keys) == 0 {
		return
	}
	lx.addKeys(keys, in)
	if in.cls&(cVague|cOpponent|cOwn) != 0 {
		for _, v := range determinerVariants(keys) {
			lx.addKeys(v, in)
		}
	}
}

// addKeys files one tokenized form.
func (lx lexicon) addKeys(keys []string, in info) {
	e := lx[keys[0]]
	if e == nil {
		e = &entry{single: info{person: -1}}
		lx[keys[0]] = e
	}
	if len(keys) == 1 {
		e.single.merge(in)
		e.hasSingle = true
		return
	}
	for i := range e.phrases {
		if slices.Equal(e.phrases[i].rest, keys[1:]) {
			e.phrases[i].info.merge(in)
			return
		}
	}
	e.phrases = append(e.phrases, phrase{rest: keys[1:], info: in})
}

// keyScratch lends scratch buffers to keysOf while lexicons compile.
var keyScratch = sync.Pool{New: func() any { return newScratch() }}

// keysOf returns the folded token keys of s.
func keysOf(s string) []string {
	sc := keyScratch.Get().(*scratch)
	defer keyScratch.Put(sc)
	sc.reset(s)
	sc.tokenize(s)
	keys := make([]string, len(sc.toks))
	for i := range sc.toks {
		keys[i] = sc.toks[i].key(sc)
	}
	return keys
}

// finish sorts phrases longest first and marks those that carry their own
// negation, so "pas vrai" is not negated by a "ne" before it.
func (lx lexicon) finish() {
	for _, e := range lx {
		slices.SortStableFunc(e.phrases, func(a, b phrase) int { return len(b.rest) - len(a.rest) })
		for i := range e.phrases {
			p := &e.phrases[i]
			p.info.immune = p.info.immune || lx.isNegator(p.rest) || e.single.cls&cNegator != 0
		}
		e.index()
	}
}

// index builds e.next, keeping the longest-first order in each list.
func (e *entry) index() {
	e.next = nil
	if len(e.phrases) < indexThreshold {
		return
	}
	e.next = make(map[string][]int32)
	for i := range e.phrases {
		k := e.phrases[i].rest[0]
		e.next[k] = append(e.next[k], int32(i))
	}
}

func (lx lexicon) isNegator(keys []string) bool {
	for _, k := range keys {
		if e := lx[k]; e != nil && e.single.cls&cNegator != 0 {
			return true
		}
	}
	return false
}

// addSections files a language's sections (name → entries).
func (lx lexicon) addSections(lang string, sections map[string][]string) error {
	for name, specs := range sections {
		c, ok := categories[name]
		if !ok {
			return fmt.Errorf("unknown lexicon section %q", name)
		}
		for _, spec := range specs {
			if err := lx.add(lang, spec, c, -1); err != nil {
				return fmt.Errorf("lexicon %s.%s: %w", lang, name, err)
			}
		}
	}
	return nil
}
