package tone

import (
	"fmt"
	"strconv"
	"strings"
)

// wordSpec is a parsed lexicon entry: a lemma, how to inflect it, extra
// forms and a weight. The notation is "lemma[/kind][|form…][~weight]":
//
//	menteur        adjective or noun: menteur, menteuse, menteurs, menteuses
//	mensonge/n     noun: mensonge, mensonges
//	mentir/v3      verb of the partir/mentir type; /v picks by ending
//	soi-disant/=   invariant (also any entry with a space)
//	lâche|lâches~0.5
//
// The weight is 1 unless given; a cue under 1 only warns unless style cues
// (capitals, "!!!") back it.
type wordSpec struct {
	lemma  string
	kind   string
	extra  []string
	weight float32
}

// parseSpec parses one lexicon entry.
func parseSpec(spec string) (wordSpec, error) {
	w := wordSpec{weight: 1}
	if i := strings.LastIndexByte(spec, '~'); i >= 0 {
		f, err := strconv.ParseFloat(spec[i+1:], 32)
		if err != nil || f <= 0 || f > 5 {
			return w, fmt.Errorf("bad weight %q in %q (want a number in (0, 5])", spec[i+1:], spec)
		}
		w.weight, spec = float32(f), spec[:i]
	}
	parts := strings.Split(spec, "|")
	w.lemma, w.extra = strings.TrimSpace(parts[0]), parts[1:]
	if i := strings.LastIndexByte(w.lemma, '/'); i > 0 {
		w.lemma, w.kind = w.lemma[:i], w.lemma[i+1:]
	}
	if w.lemma == "" {
		return w, fmt.Errorf("empty word in %q", spec)
	}
	if !validKinds[w.kind] {
		return w, fmt.Errorf("unknown word kind %q in %q (want n, v, v3, a or =)", w.kind, spec)
	}
	return w, nil
}

var validKinds = map[string]bool{"": true, "n": true, "v": true, "v3": true, "a": true, "=": true}

// forms expands the entry into every inflected form it stands for.
func (w wordSpec) forms(lang string) []string {
	var out []string
	switch {
	case w.kind == "=" || strings.ContainsRune(w.lemma, ' '):
		out = []string{w.lemma}
	case lang == "en":
		out = englishForms(w.lemma, w.kind)
	default:
		out = frenchForms(w.lemma, w.kind)
	}
	for _, x := range w.extra {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// frenchForms inflects a French lemma.
func frenchForms(lemma, kind string) []string {
	switch kind {
	case "n":
		return []string{lemma, frPlural(lemma)}
	case "v", "v3":
		if forms, ok := lefffForms(lemma); ok {
			return forms
		}
		return frVerb(lemma, kind == "v3")
	}
	return frAdjective(lemma)
}

// frPlural returns the plural of a French noun or adjective.
func frPlural(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"):
		return w
	case strings.HasSuffix(w, "al") && !strings.HasSuffix(w, "val"):
		return w[:len(w)-2] + "aux"
	case strings.HasSuffix(w, "eau"), strings.HasSuffix(w, "eu"):
		return w + "x"
	}
	return w + "s"
}

// frAdjective returns the four forms (masculine/feminine, singular/plural)
// of an adjective or of a noun with a feminine (menteur/menteuse).
func frAdjective(m string) []string {
	fems := frFeminine(m)
	out := []string{m, frPlural(m)}
	if strings.HasSuffix(m, "al") {
		out = append(out, m+"s")
	}
	for _, f := range fems {
		out = append(out, f, f+"s")
	}
	return out
}

// frFeminine returns the feminine form(s) of a masculine adjective.
func frFeminine(m string) []string {
	for _, r := range feminineRules {
		if strings.HasSuffix(m, r.from) {
			stem := m[:len(m)-len(r.from)]
			out := make([]string, len(r.to))
			for i, to := range r.to {
				out[i] = stem + to
			}
			return out
		}
	}
	return []string{m + "e"}
}

// feminineRules are tried in order; the first matching suffix wins.
var feminineRules = []struct {
	from string
	to   []string
}{
	{"ateur", []string{"atrice", "ateuse"}},
	{"eur", []string{"euse", "eure"}},
	{"eux", []string{"euse"}},
	{"if", []string{"ive"}},
	{"el", []string{"elle"}},
	{"eil", []string{"eille"}},
	{"ien", []string{"ienne"}},
	{"on", []string{"onne"}},
	{"er", []string{"ère"}},
	{"et", []string{"ète", "ette"}},
	{"e", []string{"e"}},
	{"c", []string{"que"}},
	{"s", []string{"se"}},
}
