package share

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// District sums a district's colistiers and their sharing, for the map.
type District struct {
	Name        string            `json:"name"`
	Colistiers  []*relais.Member  `json:"colistiers"`
	Accounts    []*relais.Account `json:"accounts"`
	Suggestions int               `json:"suggestions"` // all suggestions to its colistiers
	Shared      int               `json:"shared"`
	Declined    int               `json:"declined"`
	Recent      int               `json:"recent"` // shares in the last 7 days
	Posts       []*relais.Post    `json:"posts"`  // recent posts on its accounts
}

// Rate is the share rate, 0 to 1 (0 with no suggestions).
func (d *District) Rate() float64 {
	if d.Suggestions == 0 {
		return 0
	}
	return float64(d.Shared) / float64(d.Suggestions)
}

// Percent is the share rate as a whole percentage.
func (d *District) Percent() int { return int(d.Rate()*100 + 0.5) }

// districtsTTL is how long the district sums are reused: every live event
// refreshes the open home pages, and the sums read every colistier's
// suggestions. Shares and declines made here reset them at once.
const districtsTTL = 5 * time.Second

// districtCache holds the last sums, one per view (colistiers see only
// published posts).
type districtCache struct {
	mu   sync.Mutex
	at   map[bool]time.Time
	sums map[bool]map[string]*District
}

func (c *districtCache) get(colistier bool, now time.Time) map[string]*District {
	c.mu.Lock()
	defer c.mu.Unlock()
	if now.Sub(c.at[colistier]) < districtsTTL {
		return c.sums[colistier]
	}
	return nil
}

func (c *districtCache) put(colistier bool, now time.Time, sums map[string]*District) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.at == nil {
		c.at, c.sums = map[bool]time.Time{}, map[bool]map[string]*District{}
	}
	c.at[colistier], c.sums[colistier] = now, sums
}

func (c *districtCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at = nil
}

// Districts returns the campaign's districts by name. Colistiers see the
// same map as the web team (it is how they compare); posts are limited to
// what the caller may see. The result is shared: do not modify it.
func (s *Service) Districts(ctx context.Context) (map[string]*District, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	colistier := !policy.Can(m, policy.PostReadUnpublished, policy.Object{})
	if sums := s.districts.get(colistier, time.Now()); sums != nil {
		return sums, nil
	}
	out := map[string]*District{}
	get := func(name string) *District {
		d, ok := out[name]
		if !ok {
			d = &District{Name: name}
			out[name] = d
		}
		return d
	}
	err = s.store.View(ctx, func(tx *store.Tx) error {
		cs, err := tx.MembersByRole(relais.RoleColistier)
		if err != nil {
			return err
		}
		counts, err := tx.SuggestionCounts()
		if err != nil {
			return err
		}
		byID := map[int64]*District{}
		for _, c := range cs {
			if c.District == "" {
				continue
			}
			d := get(c.District)
			d.Colistiers = append(d.Colistiers, c)
			byID[c.ID] = d
			for state, n := range counts[c.ID] {
				d.Suggestions += n
				switch state {
				case StateShared:
					d.Shared += n
				case StateDeclined:
					d.Declined += n
				}
			}
		}
		if err := recentShares(tx, byID, tx.Now().Add(-7*24*time.Hour)); err != nil {
			return err
		}
		return districtPosts(tx, m, get)
	})
	if err != nil {
		return nil, err
	}
	s.districts.put(colistier, time.Now(), out)
	return out, nil
}

// recentShares counts shares since t per district, from the audit log.
func recentShares(tx *store.Tx, byID map[int64]*District, t time.Time) error {
	after := int64(0)
	for {
		es, err := tx.Audit(store.AuditFilter{From: &t, AfterID: after, Limit: 1000})
		if err != nil {
			return err
		}
		for _, e := range es {
			if d := byID[e.ActorID]; d != nil {
				d.Recent += shareDelta(e.Action)
			}
			after = e.ID
		}
		if len(es) < 1000 {
			return nil
		}
	}
}

// districtPosts attaches district accounts and their recent posts.
func districtPosts(tx *store.Tx, m *relais.Member, get func(string) *District) error {
	as, err := tx.Accounts()
	if err != nil {
		return err
	}
	acctDistrict := map[int64]*District{}
	for _, a := range as {
		if a.District != "" {
			d := get(a.District)
			d.Accounts = append(d.Accounts, a)
			acctDistrict[a.ID] = d
		}
	}
	f := store.PostFilter{Limit: 200}
	if !policy.Can(m, policy.PostReadUnpublished, policy.Object{}) {
		f.States = []relais.PostState{relais.PostPublished}
	}
	ps, err := tx.Posts(f)
	if err != nil {
		return err
	}
	for _, p := range ps {
		seen := map[*District]bool{}
		for _, id := range p.Targets {
			if d := acctDistrict[id]; d != nil && !seen[d] && len(d.Posts) < 10 {
				seen[d] = true
				d.Posts = append(d.Posts, p)
			}
		}
	}
	for _, d := range acctDistrict {
		sort.Slice(d.Colistiers, func(i, j int) bool { return d.Colistiers[i].Name < d.Colistiers[j].Name })
	}
	return nil
}
