package tone

import (
	"math"
	"sort"
	"strings"
)

// Proposal is a word or word pair the campaign's decisions suggest adding
// to a lexicon section: frequent in posts turned down for Rule, rare in
// posts that were fine, and not yet known to the engine.
type Proposal struct {
	Phrase string  `json:"phrase"`
	Rule   string  `json:"rule"`
	Count  int     `json:"count"` // examples with this label that contain it
	Score  float64 `json:"score"` // smoothed log-odds against the other labels
}

// minProposalCount is how many turned-down posts must share a phrase.
const minProposalCount = 2

// Proposals returns up to n lexicon additions for an admin to accept,
// strongest first. Placeholders, stop words and phrases the engine
// already knows are left out.
func (m *Model) Proposals(e *Engine, n int) []Proposal {
	var out []Proposal
	for l := 1; l < m.nlabels; l++ {
		for f, c := range m.counts[l] {
			if int(c) < minProposalCount || !e.proposable(f) {
				continue
			}
			var other, otherTotal float64
			for k := range m.counts {
				if k != l {
					other += m.counts[k][f]
					otherTotal += m.totals[k]
				}
			}
			score := math.Log((c+1)/(m.totals[l]+1)) - math.Log((other+1)/(otherTotal+1))
			if score > 0.25 {
				out = append(out, Proposal{Phrase: f, Rule: exampleLabels[l], Count: int(c), Score: score})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Phrase < out[j].Phrase
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// proposable reports whether feature f could become a lexicon entry.
func (e *Engine) proposable(f string) bool {
	if strings.Contains(f, placeholderOp) || strings.Contains(f, placeholderUs) {
		return false
	}
	for _, w := range strings.Fields(f) {
		if len(w) < 3 || stopWords[w] || e.lex[w] != nil && e.lex[w].single.cls&(cNegator|cPronPl|cPronSg|cOwnMarker) != 0 {
			return false
		}
	}
	if en := e.lex[strings.Fields(f)[0]]; en != nil && en.hasSingle && !strings.Contains(f, " ") {
		return false // already known
	}
	_, known := evalPolarity(f)
	return !known
}

// stopWords never make a proposal on their own or at a phrase's edge.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`les des une pour par sur dans avec aux qui que quoi est sont ont
		cet cette ces son ses leur leurs notre nos votre vos tout tous plus moins mais donc car comme
		the for with and was were are has have had this that these those from into about than then
		his her its our your their not but all any can will just`) {
		stopWords[w] = true
	}
}
