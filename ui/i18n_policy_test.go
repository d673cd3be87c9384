package ui

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/policy"
)

// TestPolicyReasonsInCatalogue checks every reason policy.Allowed can give
// has a French and an English message.
func TestPolicyReasonsInCatalogue(t *testing.T) {
	keys := []string{policy.SignedOutKey}
	for _, a := range policy.Actions() {
		keys = append(keys, a.DeniedKey())
	}
	for _, c := range policy.Conditions() {
		if c.Name != policy.Always.Name {
			keys = append(keys, c.DeniedKey())
		}
	}
	for _, k := range keys {
		m, ok := messages[k]
		require.True(t, ok, "no message for %s", k)
		require.NotEmpty(t, m[0], "%s: no French", k)
		require.NotEmpty(t, m[1], "%s: no English", k)
		require.NotEqual(t, m[0], m[1], "%s: not translated", k)
	}
}

// TestPageWhy checks a page gives the policy's reason in the reader's
// language, and nothing for an allowed action.
func TestPageWhy(t *testing.T) {
	v := &approval.PostView{Post: &relais.Post{AuthorID: 7}}
	author := &relais.Member{ID: 7, Role: relais.RoleCandidate}
	fr, en := Page{Lang: "fr", Member: author}, Page{Lang: "en", Member: author}
	require.Equal(t, messages["policy.unless.not_author"][0], fr.Why(policy.PostApprove, v))
	require.Equal(t, messages["policy.unless.not_author"][1], en.Why(policy.PostApprove, v))
	require.Empty(t, en.Why(policy.PostEdit, v))
	require.Equal(t, messages["policy.unless.not_author"][1], en.DecideWhy(v))
	other := Page{Lang: "en", Member: &relais.Member{ID: 8, Role: relais.RoleEditor}}
	require.Empty(t, other.DecideWhy(v), "an editor decides on routine posts")
	v.Routing.Approver = approval.ApproverCandidate
	require.Equal(t, messages["policy.denied.post.approve_sensitive"][1], other.DecideWhy(v))
	require.True(t, en.CanOn(policy.PostEdit, v))
	col := Page{Lang: "en", Member: &relais.Member{ID: 9, Role: relais.RoleColistier}}
	require.Equal(t, messages["policy.denied.post.create"][1], col.Why(policy.PostCreate, nil))
	require.False(t, col.Can(policy.PostCreate))
	require.True(t, col.Can(policy.HomeInbox))
}

// TestRouteActionsAreKnown checks every route's action is one of the
// policy's.
func TestRouteActionsAreKnown(t *testing.T) {
	require.NotEmpty(t, routeActions)
	for p := range routeActions {
		a, ok := RouteAction(p)
		require.True(t, ok)
		require.True(t, slices.Contains(policy.Actions(), a), "%s: unknown action %s", p, a)
	}
}
