package ui

import (
	"slices"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/balance"
)

// districtRank orders district names as the campaign's districts file
// does (Paris Centre, 5e … 20e), unknown names last in text order.
func districtRank(ds relais.Districts) func(a, b string) int {
	rank := make(map[string]int, len(ds))
	for i, d := range ds {
		rank[d.Name] = i + 1
	}
	return func(a, b string) int {
		ra, rb := rank[a], rank[b]
		if ra == 0 {
			ra = len(ds) + 1
		}
		if rb == 0 {
			rb = len(ds) + 1
		}
		if ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	}
}

// sortSectors puts a balance meter's sectors in the districts' order.
func sortSectors(ds relais.Districts, m *balance.Meter) {
	cmp := districtRank(ds)
	slices.SortStableFunc(m.Sectors, func(a, b balance.Sector) int { return cmp(a.District, b.District) })
}

// runningMateLabel names a colistier in a list of owners: her name,
// after her role unless the name already says it.
func runningMateLabel(p Page, m *relais.Member) string {
	name := strings.ToLower(m.Name)
	for _, role := range messages["role.colistier"] {
		if strings.Contains(name, strings.TrimSuffix(strings.ToLower(role), "·e")) {
			return m.Name
		}
	}
	return p.T("role.colistier") + " " + m.Name
}
