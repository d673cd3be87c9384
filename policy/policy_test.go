package policy

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestEveryActionHasARule fails for an action no role may do: a row is
// missing from the table (or the action is dead and should go).
func TestEveryActionHasARule(t *testing.T) {
	for _, a := range Actions() {
		require.NotEmpty(t, Holders(a), "action %s has no row in the policy table", a)
	}
}

// TestActionsListsEveryConstant keeps Actions() complete: every Action
// constant declared in this package is listed, once.
func TestActionsListsEveryConstant(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "action.go", nil, parser.SkipObjectResolution)
	require.NoError(t, err)
	var declared []Action
	ast.Inspect(f, func(n ast.Node) bool {
		if v, ok := n.(*ast.ValueSpec); ok {
			if id, ok := v.Type.(*ast.Ident); ok && id.Name == "Action" {
				for _, name := range v.Names {
					declared = append(declared, actionNamed(t, name.Name))
				}
			}
		}
		return true
	})
	require.NotEmpty(t, declared)
	require.ElementsMatch(t, declared, Actions())
}

// actionNamed returns the value of the constant called name, through the
// table of Actions() by Go name.
func actionNamed(t *testing.T, name string) Action {
	t.Helper()
	byName := map[string]Action{}
	for _, a := range Actions() {
		byName[goName(a)] = a
	}
	a, ok := byName[name]
	require.True(t, ok, "constant %s is not in Actions()", name)
	return a
}

// goName turns "post.approve_sensitive" into "PostApproveSensitive".
func goName(a Action) string {
	out, up := []byte{}, true
	for _, c := range []byte(a) {
		switch {
		case c == '.' || c == '_':
			up = true
		case up:
			out, up = append(out, c-'a'+'A'), false
		default:
			out = append(out, c)
		}
	}
	name := string(out)
	if fix, ok := map[string]string{"EventsRsvps": "EventsRSVPs"}[name]; ok {
		return fix
	}
	return name
}

// TestRulesAreWellFormed checks each row names a real role, a listed
// action and a listed condition, and that no row repeats another.
func TestRulesAreWellFormed(t *testing.T) {
	seen := map[[3]string]bool{}
	for _, r := range Rules() {
		require.True(t, r.Role.Valid(), "row %+v: unknown role", r)
		require.Contains(t, Actions(), r.Action)
		require.True(t, slices.ContainsFunc(Conditions(), func(c Condition) bool { return c.Name == r.When.Name }), "row %+v: unlisted condition", r)
		k := [3]string{string(r.Role), string(r.Action), r.When.Name}
		require.False(t, seen[k], "row %v twice", k)
		seen[k] = true
	}
}
