package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/balance"
)

// formErrorFiles are the services' files whose errors a person meets on
// the compose, edit and decision forms.
var formErrorFiles = []string{
	"../post.go", "../approval/validate.go", "../approval/submit.go", "../approval/approve.go",
	"../approval/reject.go", "../approval/workflow.go", "../approval/create.go", "../approval/comment.go",
	"../approval/media.go", "page_compose.go",
}

// TestFormErrorsHaveTheirOwnMessage walks every bad-input error those
// files can return (FieldErrorf, relais.Error literals with an invalid,
// blocked or too-large code) and every problem code the platforms
// report: each must carry a catalogue key whose French and English
// messages exist and are not the generic "value refused".
func TestFormErrorsHaveTheirOwnMessage(t *testing.T) {
	keys := map[string]bool{}
	for _, f := range formErrorFiles {
		for _, k := range errorKeys(t, f) {
			keys[k] = true
		}
	}
	require.Greater(t, len(keys), 20)
	for _, code := range problemCodes(t) {
		keys["error.platform."+code] = true
	}
	generic := map[string]bool{}
	for _, k := range []string{"error.invalid_field", "error.generic.invalid", "error.code.invalid", "error.generic.conflict"} {
		generic[messages[k][0]], generic[messages[k][1]] = true, true
	}
	for k := range keys {
		m, ok := messages[k]
		require.True(t, ok, "%s is in the catalogue", k)
		for i, lang := range []string{"fr", "en"} {
			require.NotEmpty(t, m[i], "%s in %s", k, lang)
			require.False(t, generic[m[i]], "%s in %s is generic", k, lang)
		}
	}
}

// errorKeys returns the keys of the errors built in file, failing on
// one built without a key.
func errorKeys(t *testing.T, file string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	require.NoError(t, err)
	var keys []string
	keyed := map[ast.Node]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if sel, isSel := callee(call); ok && isSel && sel.Sel.Name == "With" {
			keyed[unparen(sel.X)] = true
			keys = append(keys, stringLit(t, call.Args[0]))
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		switch e := n.(type) {
		case *ast.CallExpr:
			if name(e.Fun) == "FieldErrorf" {
				require.True(t, keyed[e], "%s: an error without a catalogue key: %s", file, stringLit(t, e.Args[1]))
			}
		case *ast.UnaryExpr:
			if lit, ok := e.X.(*ast.CompositeLit); ok && name(lit.Type) == "Error" && badInput(lit) {
				k := fieldValue(lit, "Key")
				require.True(t, keyed[e] || k != "", "%s: an error without a catalogue key at %d", file, lit.Pos())
				if k != "" {
					keys = append(keys, k)
				}
			}
		}
		return true
	})
	return keys
}

// problemCodes returns every Problem code the connectors write.
func problemCodes(t *testing.T) []string {
	var codes []string
	err := filepath.WalkDir("../connectors", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.CompositeLit); ok && (name(lit.Type) == "Problem" || lit.Type == nil) {
				if c := fieldValue(lit, "Code"); c != "" && fieldValue(lit, "Field") != "" {
					codes = append(codes, c)
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	require.Contains(t, codes, "too_long")
	return codes
}

func callee(c *ast.CallExpr) (*ast.SelectorExpr, bool) {
	if c == nil {
		return nil, false
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	return sel, ok
}

func unparen(e ast.Expr) ast.Node {
	if p, ok := e.(*ast.ParenExpr); ok {
		return p.X
	}
	return e
}

// name is an identifier's or a selector's last name.
func name(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	}
	return ""
}

// badInput reports whether an Error literal's code is one a form shows.
func badInput(lit *ast.CompositeLit) bool {
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok && name(kv.Key) == "Code" {
			c := name(kv.Value)
			return c == "EINVALID" || c == "EBLOCKED" || c == "ETOOLARGE"
		}
	}
	return false
}

// fieldValue is a literal's string field, "" when absent or not a string.
func fieldValue(lit *ast.CompositeLit, field string) string {
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok && name(kv.Key) == field {
			if b, ok := kv.Value.(*ast.BasicLit); ok && b.Kind == token.STRING {
				s, _ := strconv.Unquote(b.Value)
				return s
			}
		}
	}
	return ""
}

func stringLit(t *testing.T, e ast.Expr) string {
	b, ok := e.(*ast.BasicLit)
	require.True(t, ok && b.Kind == token.STRING, "a literal")
	s, _ := strconv.Unquote(b.Value)
	return s
}

// TestFormErrorsSayWhyInFrench: the errors of a bad post read in French
// as in English, with their parameters (a past date in Paris time).
func TestFormErrorsSayWhyInFrench(t *testing.T) {
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	past := time.Date(2025, 1, 5, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		p      relais.Post
		fr, en string
	}{
		{relais.Post{Text: " "}, "Le texte est vide", "Text is required."},
		{relais.Post{Text: "Bonjour", Targets: []int64{1}, ScheduledAt: &past}, "La date choisie (05/01/2025 10:00) est déjà passée", "(Sun 5 Jan 2025 10:00) is in the past"},
		{relais.Post{Text: "Bonjour"}, "Cochez au moins un compte", "Tick at least one account"},
	} {
		err := c.p.Validate(now)
		paris := relais.DefaultLocation()
		require.Contains(t, localize("fr", paris, err), c.fr)
		require.Contains(t, localize("en", paris, err), c.en)
		require.NotContains(t, localize("fr", paris, err), "valeur refusée")
	}
}

// TestDistrictOrder: sectors and owners follow the districts file, not
// text order ("10e" before "5e"); a colistier's name is not doubled.
func TestDistrictOrder(t *testing.T) {
	ds := relais.DefaultDistricts()
	m := &balance.Meter{Sectors: []balance.Sector{{District: "10e arrondissement"}, {District: "20e arrondissement"},
		{District: "5e arrondissement"}, {District: "Paris Centre"}, {District: "ailleurs"}}}
	sortSectors(ds, m)
	var got []string
	for _, s := range m.Sectors {
		got = append(got, s.District)
	}
	require.Equal(t, []string{"Paris Centre", "5e arrondissement", "10e arrondissement", "20e arrondissement", "ailleurs"}, got)
	fr, en := Page{Lang: "fr"}, Page{Lang: "en"}
	demo := &relais.Member{Name: "Colistier·e 10e arrondissement"}
	require.Equal(t, "Colistier·e 10e arrondissement", runningMateLabel(fr, demo))
	require.Equal(t, "Colistier·e 10e arrondissement", runningMateLabel(en, demo))
	require.Equal(t, "colistier·e Claire Morel", runningMateLabel(fr, &relais.Member{Name: "Claire Morel"}))
	require.Equal(t, "running mate Claire Morel", runningMateLabel(en, &relais.Member{Name: "Claire Morel"}))
}

// TestDatesInTheReadersFormat: one helper writes days and times, in
// the campaign's time zone, per language; a report's week reads as two
// dates. Another campaign's zone gives other days and hours.
func TestDatesInTheReadersFormat(t *testing.T) {
	paris := relais.DefaultLocation()
	day := time.Date(2026, 12, 12, 23, 30, 0, 0, time.UTC) // 13/12 00:30 in Paris
	require.Equal(t, "13/12/2026", fmtDate(day, "fr", paris))
	require.Equal(t, "Sun 13 Dec 2026", fmtDate(day, "en", paris))
	require.Equal(t, "13/12/2026", fmtDate("2026-12-13", "fr", paris))
	require.Equal(t, "13/12/2026 00:30", fmtTime(day, "fr", paris))
	wk := analytics.WeekOf(time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), paris)
	require.Equal(t, "23/11/2026 → 29/11/2026", period(wk, "fr", paris))
	require.Equal(t, "Mon 23 Nov 2026 → Sun 29 Nov 2026", period(wk, "en", paris))

	reunion, err := time.LoadLocation("Indian/Reunion") // UTC+4
	require.NoError(t, err)
	require.Equal(t, "13/12/2026 03:30", fmtTime(day, "fr", reunion))
	nyc, err := time.LoadLocation("America/New_York") // UTC-5 in December
	require.NoError(t, err)
	require.Equal(t, "12/12/2026", fmtDate(day, "fr", nyc))
	require.Equal(t, "12/12/2026 18:30", fmtTime(day, "fr", nyc))
}
