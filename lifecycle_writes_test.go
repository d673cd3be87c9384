package relais_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// forcedWrites are the store methods that write a state outside the
// lifecycle (test fixtures, data repair).
var forcedWrites = map[string]bool{"SetPostState": true, "UpdateDelivery": true}

// TestStateWritesGoThroughTheLifecycle fails on production code (outside
// tests and the store) that writes a post or delivery state constant into
// a State field, or calls a store method that forces a state: states
// change only through store.Tx.MovePost, MoveDelivery and CreatePostBy,
// which read the lifecycle tables.
func TestStateWritesGoThroughTheLifecycle(t *testing.T) {
	states := declaredConsts(t, "post.go", "PostState")
	for k, v := range declaredConsts(t, "post.go", "DeliveryState") {
		states[k] = v
	}
	var bad []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		} else if d.IsDir() {
			return skipDir(path, d.Name())
		} else if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || strings.HasPrefix(path, "store/") {
			return nil
		}
		bad = append(bad, stateWrites(t, path, states)...)
		return nil
	})
	require.NoError(t, err)
	require.Empty(t, bad, "state writes outside the lifecycle")
}

func skipDir(path, name string) error {
	if path != "." && (name == "testdata" || name == "node_modules" || strings.HasPrefix(name, ".")) {
		return filepath.SkipDir
	}
	return nil
}

// stateWrites lists the places of file that write a state literal or
// force a state.
func stateWrites(t *testing.T, file string, states map[string]string) []string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	require.NoError(t, err)
	var out []string
	report := func(n ast.Node, what string) { out = append(out, fset.Position(n.Pos()).String()+": "+what) }
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == "State" && len(n.Rhs) == len(n.Lhs) && isState(n.Rhs[i], states) {
					report(n, "assigns a state")
				}
			}
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && k.Name == "State" && isState(n.Value, states) {
				report(n, "creates with a literal state")
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && forcedWrites[sel.Sel.Name] {
				report(n, "forces a state with "+sel.Sel.Name)
			}
		}
		return true
	})
	return out
}

// isState reports whether e names a state constant (relais.PostX or,
// inside the root package, PostX).
func isState(e ast.Expr, states map[string]string) bool {
	switch e := e.(type) {
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		_, st := states[e.Sel.Name]
		return ok && x.Name == "relais" && st
	case *ast.Ident:
		_, st := states[e.Name]
		return st
	}
	return false
}
