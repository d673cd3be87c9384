package tone

import (
	"bufio"
	"bytes"
	_ "embed"
	"strconv"
	"sync"
)

// The built-in prior: four one-against-the-rest logistic regressions (one
// per tone rule) over words and word pairs, learnt from the development
// sets by TestGeneratePrior (prior_train_test.go) and embedded as
// data/prior.tsv. Names of opponents and of our own team are replaced by
// role placeholders before anything is learnt, numbers by "0", and a
// feature is kept only when it occurs in posts of several development
// sets, each written with its own fictional race: what is left is general
// campaign wording ("@adversaire promet", "encore une fois", "😂"), not
// names. Like the examples model it only warns, and only for a rule the
// rules did not already find; a post with no target needs a surer score.

//go:embed data/prior.tsv
var priorData []byte

// priorModel holds the weights of the prior, keyed by feature hash.
type priorModel struct {
	bias   [ruleRidicule + 1]float32
	thresh [ruleRidicule + 1]float32 // logit thresholds
	// untargeted is added to thresh on a post with no target.
	untargeted [ruleRidicule + 1]float32
	// flagged is added to thresh on a post the rules already flagged:
	// the prior then only adds a rule the rules did not name.
	flagged [ruleRidicule + 1]float32
	w       map[uint64][ruleRidicule + 1]float32
}

var (
	priorOnce    sync.Once
	builtinPrior *priorModel
)

// defaultPrior returns the embedded prior, parsed once.
func defaultPrior() *priorModel {
	priorOnce.Do(func() { builtinPrior = parsePrior(priorData) })
	return builtinPrior
}

// parsePrior reads lines "feature<TAB>w_attack<TAB>w_negative<TAB>
// w_desintox<TAB>w_ridicule"; the features "<bias>" and "<threshold>" give
// the intercepts and the decision thresholds (logits), "<untargeted>" what
// a post with no target adds to the thresholds, "<flagged>" what a post the
// rules flagged adds. Lines starting with
// '#' are comments.
func parsePrior(data []byte) *priorModel {
	m := &priorModel{w: make(map[uint64][ruleRidicule + 1]float32, 1<<12)}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		name, ws, ok := parsePriorLine(line)
		if !ok {
			return nil
		}
		switch string(name) {
		case "<bias>":
			m.bias = ws
		case "<threshold>":
			m.thresh = ws
		case "<untargeted>":
			m.untargeted = ws
		case "<flagged>":
			m.flagged = ws
		default:
			m.w[priorHash(name)] = ws
		}
	}
	return m
}

// parsePriorLine splits one line into its feature and four weights.
func parsePriorLine(line []byte) ([]byte, [ruleRidicule + 1]float32, bool) {
	var ws [ruleRidicule + 1]float32
	fields := bytes.Split(line, []byte{'\t'})
	if len(fields) != len(ws)+1 {
		return nil, ws, false
	}
	for r := range ws {
		f, err := strconv.ParseFloat(string(fields[r+1]), 32)
		if err != nil {
			return nil, ws, false
		}
		ws[r] = float32(f)
	}
	return fields[0], ws, true
}

// FNV-1a, 64 bits: features are hashed so a check builds no string.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvAdd(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// priorHash hashes a feature written as words joined by one space.
func priorHash(feature []byte) uint64 { return fnvAdd(fnvOffset, feature) }

var (
	phOpponent = []byte(placeholderOp)
	phOwn      = []byte(placeholderUs)
	phNumber   = []byte("0")
	phQuestion = []byte("?")
)

// priorWords calls f with each word of the analysed post as the prior sees
// it: folded keys, a placeholder for each whole name, "0" for a number,
// and "?" after a sentence that asks a question.
func (e *Engine) priorWords(s *scratch, f func(w []byte)) {
	markOwnNames(s)
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		switch {
		case t.flags&tName != 0:
			f(namePlaceholder(s, &i))
		case t.flags&tNumber != 0:
			f(phNumber)
		default:
			f(s.keys[t.ks:t.ke])
		}
		if i+1 == len(s.toks) || s.toks[i+1].sent != s.toks[i].sent {
			if sn := s.toks[i].sent; int(sn) < len(s.sents) && s.sents[sn].question {
				f(phQuestion)
			}
		}
	}
}

// markOwnNames flags the tokens of our own team's names, once per post.
func markOwnNames(s *scratch) {
	for i := range s.units {
		if u := &s.units[i]; !u.raw && u.in.cls&cOwn != 0 {
			for t := u.t0; t < u.t1 && int(t) < len(s.toks); t++ {
				s.toks[t].flags |= tOwnName
			}
		}
	}
}

// namePlaceholder returns the placeholder of the name at token *i and
// advances *i past it.
func namePlaceholder(s *scratch, i *int) []byte {
	t := &s.toks[*i]
	own := t.flags&tOwnName != 0
	for *i+1 < len(s.toks) && s.toks[*i+1].flags&tName != 0 && s.toks[*i+1].sent == t.sent {
		*i++
		own = own || s.toks[*i].flags&tOwnName != 0
	}
	if own {
		return phOwn
	}
	return phOpponent
}

// priorScores returns the four rules' logits for the analysed post.
func (e *Engine) priorScores(s *scratch, m *priorModel) [ruleRidicule + 1]float32 {
	z := m.bias
	var prev []byte
	add := func(h uint64) {
		if w, ok := m.w[h]; ok {
			for r := range z {
				z[r] += w[r]
			}
		}
	}
	e.priorWords(s, func(w []byte) {
		h := fnvAdd(fnvOffset, w)
		add(h)
		if prev != nil {
			add(fnvAdd(fnvAdd(fnvAdd(fnvOffset, prev), []byte{' '}), w))
		}
		prev = w
	})
	return z
}
