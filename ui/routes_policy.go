package ui

import (
	_ "embed" // the route table
	"fmt"
	"slices"
	"strings"

	"github.com/relais/relais/policy"
)

// routeTable names, for each authenticated route, the policy action it
// needs: one "METHOD PATH ACTION" a line. The services enforce it (on the
// object, where the row has a condition); the role matrix test
// (cmd/relais) derives each role's expected answer from it and the policy
// table, so a route added without a line there fails that test.
//
//go:embed routes_policy.txt
var routeTable string

// routeActions is routeTable by route pattern.
var routeActions = parseRouteTable(routeTable)

// parseRouteTable reads the table; a malformed line or an action policy
// does not know is a programming error.
func parseRouteTable(text string) map[string]policy.Action {
	out := map[string]policy.Action{}
	known := policy.Actions()
	for i, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		a := policy.Action(f[len(f)-1])
		if len(f) != 3 || !slices.Contains(known, a) {
			panic(fmt.Sprintf("routes_policy.txt:%d: want METHOD PATH ACTION with a known action, got %q", i+1, line))
		}
		out[f[0]+" "+f[1]] = a
	}
	return out
}

// RouteAction returns the policy action route pattern needs, and false for
// a pattern without one.
func RouteAction(pattern string) (policy.Action, bool) {
	a, ok := routeActions[pattern]
	return a, ok
}
