package relais_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// architectureDoc is the one-page architecture description (issue 13 item 6).
const architectureDoc = "docs/ARCHITECTURE.md"

// checkedDocs are the docs whose backticked packages, files and Go names
// must exist: the architecture page and the replicas design it links to.
var checkedDocs = []string{architectureDoc, "docs/REPLICAS.md"}

var (
	backticked   = regexp.MustCompile("`([^`]+)`")
	packageToken = regexp.MustCompile(`^(\./|[a-z0-9_]+(/[a-z0-9_]+)*/)$`)
	identChain   = regexp.MustCompile(`^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$`)
	camelHump    = regexp.MustCompile(`[a-z][A-Z]`)
	allCaps      = regexp.MustCompile(`^[A-Z0-9_]+$`)
)

// docTokens returns every backticked span of the docs at paths.
func docTokens(t *testing.T, paths ...string) []string {
	var out []string
	for _, path := range paths {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		for _, m := range backticked.FindAllStringSubmatch(string(b), -1) {
			out = append(out, m[1])
		}
	}
	return out
}

// modulePackages returns the module's package directories ("." for the
// root, "store" ...): every directory holding a non-test Go file, outside
// testdata and hidden directories.
func modulePackages(t *testing.T) map[string]bool {
	pkgs := map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && path != "." && (name == "testdata" || name == "node_modules" || strings.HasPrefix(name, ".")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			pkgs[filepath.ToSlash(filepath.Dir(path))] = true
		}
		return nil
	})
	require.NoError(t, err)
	return pkgs
}

// packageDir turns a doc token ("store/", "./") into a directory.
func packageDir(tok string) string {
	if tok == "./" {
		return "."
	}
	return strings.TrimSuffix(tok, "/")
}

// TestArchitectureNamesRealPackages keeps docs/ARCHITECTURE.md and
// docs/REPLICAS.md true: every package they name (in backticks, with a
// trailing slash) exists in the module, and every package of the module is
// named in the architecture page.
func TestArchitectureNamesRealPackages(t *testing.T) {
	pkgs := modulePackages(t)
	var unknown []string
	for _, tok := range docTokens(t, checkedDocs...) {
		if packageToken.MatchString(tok) && !pkgs[packageDir(tok)] {
			unknown = append(unknown, tok)
		}
	}
	require.Empty(t, unknown, "%v name packages that do not exist", checkedDocs)
	named := map[string]bool{}
	for _, tok := range docTokens(t, architectureDoc) {
		if packageToken.MatchString(tok) {
			named[packageDir(tok)] = true
		}
	}
	var unnamed []string
	for dir := range pkgs {
		if !named[dir] {
			unnamed = append(unnamed, dir+"/")
		}
	}
	sort.Strings(unnamed)
	require.Empty(t, unnamed, "packages missing from the table in %s", architectureDoc)
}

// TestArchitectureNamesRealFiles checks the files and directories the doc
// names (`docs/TONE.md`, `ui/routes*.go` ...) exist.
func TestArchitectureNamesRealFiles(t *testing.T) {
	var missing []string
	for _, tok := range docTokens(t, checkedDocs...) {
		if !namesFile(tok) {
			continue
		}
		if m, _ := filepath.Glob(filepath.FromSlash(tok)); len(m) == 0 {
			missing = append(missing, tok)
		}
	}
	require.Empty(t, missing, "%v name files that do not exist", checkedDocs)
}

var fileExt = regexp.MustCompile(`\.(go|md|yaml|yml|json|sql|txt)$`)

// namesFile reports whether a token is a path in the repository: a Go or
// Markdown file, a path with a file extension, or one whose first element
// is a top-level directory (`store/migrations`, not `database/sql`; not
// `tone.yaml`, a file of the campaign's data directory).
func namesFile(tok string) bool {
	if packageToken.MatchString(tok) || strings.ContainsAny(tok, " <{?") || strings.HasPrefix(tok, "github.com/") {
		return false
	} else if fileExt.MatchString(tok) {
		return strings.Contains(tok, "/") || strings.HasSuffix(tok, ".go") || strings.HasSuffix(tok, ".md")
	}
	first, _, nested := strings.Cut(tok, "/")
	info, err := os.Stat(first)
	return nested && err == nil && info.IsDir()
}

// declarations maps each package name of the module to the names it
// declares: functions, types, variables, constants, and "Type.Method"
// (methods and interface methods), with test files.
func declarations(t *testing.T, pkgs map[string]bool) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	fset := token.NewFileSet()
	for dir := range pkgs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		for _, f := range files {
			file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
			require.NoError(t, err)
			names := out[file.Name.Name]
			if names == nil {
				names = map[string]bool{}
				out[file.Name.Name] = names
			}
			addDecls(names, file)
		}
	}
	return out
}

// addDecls records file's top-level names in names.
func addDecls(names map[string]bool, file *ast.File) {
	for _, d := range file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			names[d.Name.Name] = true
			if d.Recv != nil && len(d.Recv.List) == 1 {
				names[receiverName(d.Recv.List[0].Type)+"."+d.Name.Name] = true
			}
		case *ast.GenDecl:
			addSpecs(names, d.Specs)
		}
	}
}

// addSpecs records types (with interface methods), variables and constants.
func addSpecs(names map[string]bool, specs []ast.Spec) {
	for _, s := range specs {
		switch s := s.(type) {
		case *ast.TypeSpec:
			names[s.Name.Name] = true
			if it, ok := s.Type.(*ast.InterfaceType); ok {
				for _, m := range it.Methods.List {
					for _, n := range m.Names {
						names[n.Name] = true
						names[s.Name.Name+"."+n.Name] = true
					}
				}
			}
		case *ast.ValueSpec:
			for _, n := range s.Names {
				names[n.Name] = true
			}
		}
	}
}

// receiverName returns T for receivers T, *T, T[K] and *T[K].
func receiverName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return receiverName(e.X)
	case *ast.IndexExpr:
		return receiverName(e.X)
	case *ast.IndexListExpr:
		return receiverName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}

// TestArchitectureNamesRealFunctions checks the Go names the doc gives for
// the flow of a post and the checks: a qualified name (`approval.Service.Submit`)
// must be declared in a package of that name, and an unqualified one with
// an upper-case letter (`Post.Hash`, `resolveTargets`) somewhere in the module.
func TestArchitectureNamesRealFunctions(t *testing.T) {
	decls := declarations(t, modulePackages(t))
	var missing []string
	for _, tok := range docTokens(t, checkedDocs...) {
		if !identChain.MatchString(tok) {
			continue
		}
		first, rest, qualified := strings.Cut(tok, ".")
		if names, isPkg := decls[first]; isPkg && qualified && ast.IsExported(strings.Split(rest, ".")[0]) {
			if !names[rest] {
				missing = append(missing, tok)
			}
			continue
		}
		if (!ast.IsExported(first) && !camelHump.MatchString(tok)) || allCaps.MatchString(tok) {
			continue // a state, a command, SQL or an environment variable: not a Go name
		}
		if !declaredAnywhere(decls, tok) {
			missing = append(missing, tok)
		}
	}
	require.Empty(t, missing, "%v name Go functions or types that do not exist", checkedDocs)
}

func declaredAnywhere(decls map[string]map[string]bool, name string) bool {
	for _, names := range decls {
		if names[name] {
			return true
		}
	}
	return false
}
