package policy

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNoRoleComparisonOutsidePolicy walks the module's Go source (tests
// excepted) and fails on a role comparison outside this package: a role
// constant compared or switched on, or a member's Role compared with
// anything but another member's Role (a session checking that its
// member's role did not change). Ask Allowed, Can or Grants instead.
func TestNoRoleComparisonOutsidePolicy(t *testing.T) {
	root := moduleRoot(t)
	consts := roleConstants(t, root)
	require.Contains(t, consts, "RoleAdmin")
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		} else if d.IsDir() {
			return skipDir(root, path, d.Name())
		} else if strings.HasSuffix(path, ".html") {
			found = append(found, templateRoleChecks(t, path)...)
		} else if strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			found = append(found, roleComparisons(t, path, consts)...)
		}
		return nil
	})
	require.NoError(t, err)
	require.Empty(t, found, "role comparisons outside policy/: ask policy.Allowed (see policy.Rules)")
}

// TestDetectorFindsComparisons keeps the walker honest: it must flag each
// form of role comparison, and leave alone what is not one.
func TestDetectorFindsComparisons(t *testing.T) {
	src := `package x
func f() {
	_ = m.Role == relais.RoleAdmin
	_ = relais.RoleColistier != m.Role
	_ = r == m.Role
	_ = m.Role == "admin"
	_ = RoleEditor == r
	switch m.Role {
	case relais.RoleCandidate:
	}
	switch {
	case x:
	}
	_ = now.Role == m.Role
	_ = ids[relais.RoleCandidate]
	_ = tx.MembersByRole(relais.RoleEditor)
}`
	path := filepath.Join(t.TempDir(), "x.go")
	require.NoError(t, os.WriteFile(path, []byte(src), 0o600))
	got := roleComparisons(t, path, map[string]bool{"RoleAdmin": true, "RoleColistier": true, "RoleCandidate": true, "RoleEditor": true})
	require.Len(t, got, 6, "%v", got)
}

// templateRole finds role checks in a template action: a role method
// ({{if .Member.Role.CanDraft}}) or a role compared with a role's name
// ({{if ne $.Member.Role "colistier"}}). Templates ask {{.Can "action"}}.
var templateRole = regexp.MustCompile(`\{\{[^}]*(\.Role\.[A-Z]|\b(eq|ne)\b[^}]*\.Role\b[^}]*"[a-z_]+"|\b(eq|ne)\b[^}]*"[a-z_]+"[^}]*\.Role\b)[^}]*\}\}`)

// templateRoleChecks returns "file:line" for each role check in the
// template at path.
func templateRoleChecks(t *testing.T, path string) []string {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var out []string
	for i, line := range strings.Split(string(b), "\n") {
		if templateRole.MatchString(line) {
			out = append(out, fmt.Sprintf("%s:%d", path, i+1))
		}
	}
	return out
}

// TestTemplateDetector keeps the template scan honest.
func TestTemplateDetector(t *testing.T) {
	for _, bad := range []string{`{{if .Member.Role.CanDraft}}`, `{{if ne $.Member.Role "colistier"}}`, `{{if eq "admin" .Member.Role}}`} {
		require.True(t, templateRole.MatchString(bad), bad)
	}
	for _, ok := range []string{`{{if .Can "post.create"}}`, `{{$.T (print "role." .Role)}}`, `{{if eq . $r}} selected{{end}}`, `data-role="{{.Member.Role}}"`} {
		require.False(t, templateRole.MatchString(ok), ok)
	}
}

func moduleRoot(t *testing.T) string {
	dir, err := filepath.Abs("..")
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(dir, "go.mod"))
	require.NoError(t, err, "policy/ sits at the module's root")
	return dir
}

// skipDir skips this package, test data, hidden and vendored directories.
func skipDir(root, path, name string) error {
	if path != root && (name == "testdata" || name == "node_modules" || strings.HasPrefix(name, ".")) {
		return filepath.SkipDir
	} else if path == filepath.Join(root, "policy") {
		return filepath.SkipDir
	}
	return nil
}

// roleConstants returns the names of the root package's Role constants.
func roleConstants(t *testing.T, root string) map[string]bool {
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(root, "member.go"), nil, parser.SkipObjectResolution)
	require.NoError(t, err)
	out := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if v, ok := n.(*ast.ValueSpec); ok {
			if id, ok := v.Type.(*ast.Ident); ok && id.Name == "Role" {
				for _, name := range v.Names {
					out[name.Name] = true
				}
			}
		}
		return true
	})
	return out
}

// roleComparisons returns "file:line: source" for each role comparison
// in the file at path.
func roleComparisons(t *testing.T, path string, consts map[string]bool) []string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	require.NoError(t, err)
	var out []string
	flag := func(n ast.Node) { out = append(out, fset.Position(n.Pos()).String()) }
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && comparesRoles(n.X, n.Y, consts) {
				flag(n)
			}
		case *ast.SwitchStmt:
			if switchesOnRole(n, consts) {
				flag(n)
			}
		}
		return true
	})
	return out
}

// comparesRoles reports whether x == y compares roles: either side is a
// role constant, or one side is a .Role field and the other is not.
func comparesRoles(x, y ast.Expr, consts map[string]bool) bool {
	if isRoleConst(x, consts) || isRoleConst(y, consts) {
		return true
	}
	return isRoleField(x) != isRoleField(y)
}

func switchesOnRole(s *ast.SwitchStmt, consts map[string]bool) bool {
	if s.Tag != nil && isRoleField(s.Tag) {
		return true
	}
	for _, c := range s.Body.List {
		for _, e := range c.(*ast.CaseClause).List {
			if isRoleConst(e, consts) {
				return true
			}
		}
	}
	return false
}

func isRoleConst(e ast.Expr, consts map[string]bool) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return consts[e.Name]
	case *ast.SelectorExpr:
		pkg, ok := e.X.(*ast.Ident)
		return ok && pkg.Name == "relais" && consts[e.Sel.Name]
	}
	return false
}

func isRoleField(e ast.Expr) bool {
	s, ok := e.(*ast.SelectorExpr)
	return ok && s.Sel.Name == "Role"
}
