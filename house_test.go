package relais_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// sourceFile is one parsed production file of the module.
type sourceFile struct {
	path string
	file *ast.File
	fset *token.FileSet
}

// productionFiles parses every non-test Go file of the module.
func productionFiles(t *testing.T) []sourceFile {
	t.Helper()
	fset := token.NewFileSet()
	var out []sourceFile
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
		if err == nil {
			out = append(out, sourceFile{path: p, file: f, fset: fset})
		}
		return err
	})
	require.NoError(t, err)
	require.Greater(t, len(out), 100, "the walk found too few files to be the module")
	return out
}

// TestFunctionsStaySmall keeps the house rule on function length: the
// median body is at most 12 lines and the 90th percentile at most 30.
func TestFunctionsStaySmall(t *testing.T) {
	var lens []int
	for _, sf := range productionFiles(t) {
		for _, decl := range sf.file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil {
				n := sf.fset.Position(fd.Body.Rbrace).Line - sf.fset.Position(fd.Body.Lbrace).Line - 1
				lens = append(lens, n)
			}
		}
	}
	sort.Ints(lens)
	median, p90 := lens[len(lens)/2], lens[len(lens)*9/10]
	t.Logf("%d functions: median %d lines, p90 %d, longest %d", len(lens), median, p90, lens[len(lens)-1])
	require.LessOrEqual(t, median, 12, "median function length")
	require.LessOrEqual(t, p90, 30, "90th percentile of function length")
}

// TestExportedNamesDocumented fails on an exported function, type, or method
// of an exported type that has no doc comment, and on a package without a
// package comment.
func TestExportedNamesDocumented(t *testing.T) {
	documented := map[string]bool{}
	var missing []string
	for _, sf := range productionFiles(t) {
		dir := filepath.Dir(sf.path)
		documented[dir] = documented[dir] || sf.file.Doc != nil
		for _, decl := range sf.file.Decls {
			missing = append(missing, undocumented(sf, decl)...)
		}
	}
	for dir, ok := range documented {
		if !ok {
			missing = append(missing, dir+": package comment")
		}
	}
	sort.Strings(missing)
	require.Empty(t, missing, "exported names without a doc comment")
}

// undocumented lists the exported names declared by decl without a doc comment.
func undocumented(sf sourceFile, decl ast.Decl) []string {
	var out []string
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Name.IsExported() && d.Doc == nil && exportedReceiver(d) {
			out = append(out, sf.path+": "+d.Name.Name)
		}
	case *ast.GenDecl:
		if d.Tok != token.TYPE {
			return nil
		}
		for _, s := range d.Specs {
			ts := s.(*ast.TypeSpec)
			if ts.Name.IsExported() && d.Doc == nil && ts.Doc == nil {
				out = append(out, sf.path+": type "+ts.Name.Name)
			}
		}
	}
	return out
}

// exportedReceiver reports whether fd is a function or a method of an
// exported type (methods of unexported types are not part of the API).
func exportedReceiver(fd *ast.FuncDecl) bool {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return true
	}
	typ := fd.Recv.List[0].Type
	for {
		switch x := typ.(type) {
		case *ast.StarExpr:
			typ = x.X
		case *ast.IndexExpr:
			typ = x.X
		case *ast.IndexListExpr:
			typ = x.X
		case *ast.Ident:
			return x.IsExported()
		default:
			return true
		}
	}
}
