package tone

import (
	"fmt"
	"math"
	"strings"
)

// Learning from the campaign's own decisions: a multinomial naive Bayes
// model over word and word-pair features, trained on labelled examples
// (rejections and change requests with a tone reason, admin overrides, or
// an --examples file). Names are replaced by role placeholders before
// anything is learnt, so what the model learns about "<opponent> a encore
// menti" holds for any opponent. The model may only warn, never block, and
// explains itself with the nearest past decision.

// Labels an example may carry: ok or one of the four tone rules.
var exampleLabels = []string{"ok", RuleAttack, RuleNegative, RuleDesintox, RuleRidicule}

// Example is one labelled past decision.
type Example struct {
	Text  string `json:"text"`
	Label string `json:"label"`
}

// Model thresholds: the model warns only when it is this sure that a post
// about a target breaks a rule, and when some past decision resembles it.
const (
	minPosterior  = 0.9
	minSimilarity = 0.15
	placeholderOp = "@adversaire" // a mention: it reads back as one token
	placeholderUs = "@equipe"
)

// Model is a trained naive Bayes classifier with the examples it learnt.
type Model struct {
	counts  []map[string]float64 // per label: feature counts
	totals  []float64            // per label: feature total
	docs    []float64            // per label: examples
	vocab   map[string]bool
	train   []trained
	nlabels int
}

// trained is a past decision kept to explain a warning.
type trained struct {
	feats map[string]bool
	label int
	text  string // with role placeholders
}

// ValidLabel reports whether label is ok or a tone rule.
func ValidLabel(label string) bool { return labelIndex(label) >= 0 }

func labelIndex(label string) int {
	for i, l := range exampleLabels {
		if l == label {
			return i
		}
	}
	return -1
}

// Train learns from examples, replacing this engine's opponents' and own
// team's names by placeholders. It returns an error naming the first
// example with an unknown label (1-based).
func (e *Engine) Train(examples []Example) (*Model, error) {
	m := &Model{vocab: map[string]bool{}, nlabels: len(exampleLabels)}
	m.counts = make([]map[string]float64, m.nlabels)
	m.totals, m.docs = make([]float64, m.nlabels), make([]float64, m.nlabels)
	for i := range m.counts {
		m.counts[i] = map[string]float64{}
	}
	for n, ex := range examples {
		li := labelIndex(ex.Label)
		if li < 0 {
			return nil, fmt.Errorf("example %d: unknown label %q (want %s)", n+1, ex.Label, strings.Join(exampleLabels, ", "))
		}
		feats, text := e.features(ex.Text)
		m.docs[li]++
		set := map[string]bool{}
		for _, f := range feats {
			m.counts[li][f]++
			m.totals[li]++
			m.vocab[f] = true
			set[f] = true
		}
		m.train = append(m.train, trained{feats: set, label: li, text: text})
	}
	return m, nil
}

// features returns the unigram and bigram features of text, names
// replaced by placeholders, and the placeholder text.
func (e *Engine) features(text string) ([]string, string) {
	s := e.getScratch()
	defer e.putScratch(s)
	e.analyze(s, text)
	words := make([]string, 0, len(s.toks))
	for i := 0; i < len(s.toks); i++ {
		words = append(words, e.featureWord(s, &i))
	}
	feats := make([]string, 0, 2*len(words))
	for i, w := range words {
		feats = append(feats, w)
		if i > 0 {
			feats = append(feats, words[i-1]+" "+w)
		}
	}
	return feats, strings.Join(words, " ")
}

// featureWord returns the key of token *i, or a placeholder for a whole
// name (advancing *i past it).
func (e *Engine) featureWord(s *scratch, i *int) string {
	t := &s.toks[*i]
	if t.flags&tName == 0 {
		return t.key(s)
	}
	for *i+1 < len(s.toks) && s.toks[*i+1].flags&tName != 0 && s.toks[*i+1].sent == t.sent {
		*i++
	}
	for k := range s.units {
		if u := &s.units[k]; int(u.t0) <= *i && *i < int(u.t1) && u.in.cls&cOwn != 0 {
			return placeholderUs
		}
	}
	return placeholderOp
}

// predict returns the most probable label and its posterior.
func (m *Model) predict(feats []string) (int, float64) {
	var total float64
	for _, d := range m.docs {
		total += d
	}
	v := float64(len(m.vocab)) + 1
	logp := make([]float64, m.nlabels)
	for l := range logp {
		if m.docs[l] == 0 {
			logp[l] = math.Inf(-1)
			continue
		}
		logp[l] = math.Log(m.docs[l] / total)
		for _, f := range feats {
			if m.vocab[f] {
				logp[l] += math.Log((m.counts[l][f] + 1) / (m.totals[l] + v))
			}
		}
	}
	return softmaxBest(logp)
}

func softmaxBest(logp []float64) (int, float64) {
	best := 0
	for l := range logp {
		if logp[l] > logp[best] {
			best = l
		}
	}
	var z float64
	for _, lp := range logp {
		z += math.Exp(lp - logp[best])
	}
	return best, 1 / z
}

// nearest returns the past decision most like feats (Jaccard similarity)
// among those with label l.
func (m *Model) nearest(feats []string, l int) (*trained, float64) {
	set := map[string]bool{}
	for _, f := range feats {
		set[f] = true
	}
	var best *trained
	bestSim := 0.0
	for i := range m.train {
		t := &m.train[i]
		if t.label != l {
			continue
		}
		inter := 0
		for f := range set {
			if t.feats[f] {
				inter++
			}
		}
		if sim := float64(inter) / float64(len(set)+len(t.feats)-inter); sim > bestSim {
			best, bestSim = t, sim
		}
	}
	return best, bestSim
}

// WithModel returns an engine with e's rules that also consults m. The
// model only runs on posts the rules let through.
func (e *Engine) WithModel(m *Model) *Engine {
	out := &Engine{lex: e.lex, persons: e.persons, profiles: e.profiles, model: m, hashNames: e.hashNames, prior: e.prior}
	out.pool.New = func() any { return newScratch() }
	return out
}

// learned warns when the model, trained on past decisions, is sure that a
// post about a target breaks a rule, citing the nearest past decision.
func (b *builder) learned(text string) {
	target := -1
	for i := range b.s.units {
		if b.s.units[i].target {
			target = i
			break
		}
	}
	if target < 0 {
		return
	}
	m := b.e.model
	feats, _ := b.e.features(text)
	l, p := m.predict(feats)
	if l == 0 || p < minPosterior {
		return
	}
	r, _ := ruleByName(exampleLabels[l])
	near, sim := m.nearest(feats, l)
	if near == nil || sim < minSimilarity || b.p[r] == sevOff {
		return
	}
	v := Violation{Rule: exampleLabels[l], Severity: SeverityWarn, Spans: []Span{b.unitSpan(target, RoleTarget)}}
	v.MessageFR, v.MessageEN = learnedMessages(exampleLabels[l], near.text)
	b.res.Violations = append(b.res.Violations, v)
	b.raise(sevWarn)
}

// learnedMessages explain a warning from the model.
func learnedMessages(label, past string) (fr, en string) {
	if len(past) > 80 {
		past = strings.ToValidUTF8(past[:80], "") + "…"
	}
	return fmt.Sprintf("Ressemble à un message déjà refusé par la campagne (%s) : « %s ». À relire.", label, past),
		fmt.Sprintf("Resembles a post the campaign already turned down (%s): \"%s\". Please review.", label, past)
}

// Anonymize returns text with every opponent's and own-team member's name,
// alias or handle replaced by a role placeholder (@adversaire, @equipe),
// as examples are stored.
func (e *Engine) Anonymize(text string) string {
	s := e.getScratch()
	defer e.putScratch(s)
	e.analyze(s, text)
	var b strings.Builder
	last := 0
	for i := range s.units {
		u := &s.units[i]
		if u.in.cls&(cOpponent|cOwn) == 0 || u.raw {
			continue
		}
		start, end := int(s.toks[u.t0].start), int(s.toks[u.t1-1].end)
		if start < last {
			continue
		}
		b.WriteString(text[last:start])
		if u.in.cls&cOwn != 0 {
			b.WriteString(placeholderUs)
		} else {
			b.WriteString(placeholderOp)
		}
		last = end
	}
	b.WriteString(text[last:])
	return b.String()
}
