package relais_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// declaredConsts returns the names and values of the constants of type
// typ declared in the root package's file.
func declaredConsts(t *testing.T, file, typ string) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	require.NoError(t, err)
	out := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			if id, ok := v.Type.(*ast.Ident); ok && id.Name == typ {
				lit := v.Values[0].(*ast.BasicLit)
				out[v.Names[0].Name] = lit.Value[1 : len(lit.Value)-1]
			}
		}
	}
	require.NotEmpty(t, out, "no %s constants in %s", typ, file)
	return out
}

func values(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// TestPostLifecycleTable: every row's states are declared constants
// (post.go) and listed in PostStates, every row's event is a declared
// PostEvent, no (from, event) pair has two rows, and every state but the
// legacy ones is reachable from an initial state.
func TestPostLifecycleTable(t *testing.T) {
	states := values(declaredConsts(t, "post.go", "PostState"))
	events := values(declaredConsts(t, "lifecycle.go", "PostEvent"))
	require.ElementsMatch(t, states, strs(relais.PostStates))
	seen := map[[2]string]bool{}
	edges := map[string][]string{}
	for _, r := range relais.PostLifecycle {
		require.Contains(t, states, string(r.From), "row %+v", r)
		require.Contains(t, states, string(r.To), "row %+v", r)
		require.Contains(t, events, string(r.Event), "row %+v", r)
		require.NotEmpty(t, r.Guard, "row %+v has no guard", r)
		k := [2]string{string(r.From), string(r.Event)}
		require.False(t, seen[k], "two rows for %v", k)
		seen[k] = true
		edges[string(r.From)] = append(edges[string(r.From)], string(r.To))
	}
	var starts []string
	for ev, st := range relais.PostInitial {
		require.Contains(t, events, string(ev))
		starts = append(starts, string(st))
	}
	reached := reach(starts, edges)
	for _, st := range states {
		legacy := slices.Contains(relais.PostLegacy, relais.PostState(st))
		require.Equal(t, !legacy, reached[st], "state %s: reachable from an initial state unless legacy", st)
		if legacy {
			require.NotEmpty(t, edges[st], "a legacy state %s must still be left", st)
		}
	}
	for _, ev := range events {
		_, initial := relais.PostInitial[relais.PostEvent(ev)]
		require.True(t, initial || slices.ContainsFunc(relais.PostLifecycle, func(r relais.PostRow) bool { return string(r.Event) == ev }),
			"event %s is in no row", ev)
	}
}

// TestDeliveryLifecycleTable is TestPostLifecycleTable for deliveries.
func TestDeliveryLifecycleTable(t *testing.T) {
	states := values(declaredConsts(t, "post.go", "DeliveryState"))
	events := values(declaredConsts(t, "lifecycle_delivery.go", "DeliveryEvent"))
	require.ElementsMatch(t, states, strs(relais.DeliveryStates))
	seen := map[[2]string]bool{}
	edges := map[string][]string{}
	for _, r := range relais.DeliveryLifecycle {
		require.Contains(t, states, string(r.From), "row %+v", r)
		require.Contains(t, states, string(r.To), "row %+v", r)
		require.Contains(t, events, string(r.Event), "row %+v", r)
		k := [2]string{string(r.From), string(r.Event)}
		require.False(t, seen[k], "two rows for %v", k)
		seen[k] = true
		edges[string(r.From)] = append(edges[string(r.From)], string(r.To))
	}
	reached := reach([]string{string(relais.DeliveryInitial[relais.DeliveryCreate])}, edges)
	for _, st := range states {
		require.True(t, reached[st], "delivery state %s is unreachable", st)
	}
}

func reach(starts []string, edges map[string][]string) map[string]bool {
	seen := map[string]bool{}
	for len(starts) > 0 {
		s := starts[0]
		starts = starts[1:]
		if !seen[s] {
			seen[s] = true
			starts = append(starts, edges[s]...)
		}
	}
	return seen
}

func strs[S ~string](ss []S) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}

// TestTransitionRefusal: a pair without a row is an ECONFLICT error whose
// catalogue parameters name the state, the event and where it leads.
func TestTransitionRefusal(t *testing.T) {
	to, err := relais.PostTransition(relais.PostInReview, relais.PostApprove)
	require.NoError(t, err)
	require.Equal(t, relais.PostScheduled, to)
	_, err = relais.PostTransition(relais.PostDraft, relais.PostApprove)
	require.Equal(t, relais.ECONFLICT, relais.ErrorCode(err))
	key, params := relais.ErrorKey(err)
	require.Equal(t, "error.transition", key)
	require.Equal(t, map[string]string{"kind": "post", "from": "draft", "event": "approve", "to": "scheduled"}, params)
	_, err = relais.DeliveryTransition(relais.DeliveryPublished, relais.DeliveryResolveFailed)
	key, params = relais.ErrorKey(err)
	require.Equal(t, "error.transition", key)
	require.Equal(t, map[string]string{"kind": "delivery", "from": "published", "event": "resolve_failed", "to": "failed"}, params)
	_, err = relais.PostTransition(relais.PostPublishing, relais.PostEdit)
	_, params = relais.ErrorKey(err)
	require.Equal(t, "changes_requested,draft,in_review", params["to"], "every state the event leads to")
	_, err = relais.PostInitialState(relais.PostSubmit)
	require.Equal(t, relais.ECONFLICT, relais.ErrorCode(err), "submit creates no post")
}

// TestEditableReadsTheTable: Editable is exactly the states an edit
// leaves, and every editable state may be cancelled.
func TestEditableReadsTheTable(t *testing.T) {
	for _, st := range relais.PostStates {
		_, edit := relais.PostTransition(st, relais.PostEdit)
		_, cancel := relais.PostTransition(st, relais.PostCancel)
		require.Equal(t, edit == nil, st.Editable(), st)
		require.Equal(t, edit == nil, cancel == nil, st)
	}
	require.True(t, relais.PostScheduled.Editable())
	require.False(t, relais.PostPublishing.Editable())
}
