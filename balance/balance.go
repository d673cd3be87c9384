// Package balance measures, for one week, how the campaign account's
// posts share out between the candidate and her colistiers, per sector:
// the balance meter shown on the district map and in the queue.
//
// A campaign post (one that targets a campaign account, approved or on
// its way out or out, scheduled in the week) is about a colistier when its
// text names one of the colistiers' account handles ("@claire", a quote's
// link to her post): it counts for the sector of the first one named.
// Every other campaign post is about the candidate. Each repost of a
// colistier's post from the campaign account (the "to relay" list) counts
// for her sector.
package balance

import (
	"sort"
	"strings"

	"github.com/relais/relais"
)

// Meter is one week's balance.
type Meter struct {
	Week      string   `json:"week"` // YYYY-Www
	Total     int      `json:"total"`
	Candidate int      `json:"candidate"`
	Sectors   []Sector `json:"sectors"` // every sector with a colistier account, by name
}

// Sector is the campaign posts about one sector's colistiers.
type Sector struct {
	District string `json:"district"`
	Posts    int    `json:"posts"`
}

// Percent is n's share of the total, rounded (0 when there is none).
func (m *Meter) Percent(n int) int {
	if m.Total == 0 {
		return 0
	}
	return (n*200 + m.Total) / (2 * m.Total)
}

// Input is what Compute counts.
type Input struct {
	Posts      []*relais.Post    // the week's posts, any target
	Campaign   map[int64]bool    // campaign account ids
	Colistiers []*relais.Account // the colistiers' accounts
	Reposts    []string          // handles of the colistiers reposted in the week
}

// counts is posts per district.
type counts map[string]int

// Compute counts the week.
func Compute(week string, in Input) *Meter {
	district := map[string]string{} // handle -> district
	c := counts{}
	for _, a := range in.Colistiers {
		district[strings.ToLower(relais.NormalizeHandle(a.Handle))] = a.District
		c[a.District] += 0
	}
	m := &Meter{Week: week}
	for _, p := range in.Posts {
		if !counted(p, in.Campaign) {
			continue
		}
		m.Total++
		if d, ok := firstNamed(p.Text, district); ok {
			c[d]++
		} else {
			m.Candidate++
		}
	}
	for _, h := range in.Reposts {
		if d, ok := district[strings.ToLower(relais.NormalizeHandle(h))]; ok {
			m.Total++
			c[d]++
		}
	}
	m.Sectors = c.sorted()
	return m
}

// counted reports whether p is a campaign post on its way out or out.
func counted(p *relais.Post, campaign map[int64]bool) bool {
	switch p.State {
	case relais.PostApproved, relais.PostScheduled, relais.PostPublishing, relais.PostPublished,
		relais.PostPartiallyPublished, relais.PostOutcomeUnknown:
	default:
		return false
	}
	for _, id := range p.Targets {
		if campaign[id] {
			return true
		}
	}
	return false
}

// firstNamed returns the district of the colistier whose "@handle"
// appears first in text.
func firstNamed(text string, district map[string]string) (string, bool) {
	lower := strings.ToLower(text)
	best, found := -1, ""
	for h, d := range district {
		i := strings.Index(lower, "@"+h)
		for i >= 0 && !boundary(lower, i+1+len(h)) {
			j := strings.Index(lower[i+1:], "@"+h)
			if j < 0 {
				i = -1
			} else {
				i += 1 + j
			}
		}
		if i >= 0 && (best < 0 || i < best) {
			best, found = i, d
		}
	}
	return found, best >= 0
}

// boundary reports whether a handle ending at i ends there (not "@claire"
// inside "@clairette").
func boundary(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	c := s[i]
	return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')
}

func (c counts) sorted() []Sector {
	out := make([]Sector, 0, len(c))
	for d, n := range c {
		out = append(out, Sector{District: d, Posts: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].District < out[j].District })
	return out
}
