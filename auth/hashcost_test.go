package auth

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHashCostOnlyInTests keeps the cheap test hashes out of the product:
// no Go file but tests calls UseTestHashCost, and this package's tests
// (which never call it) hash with the production parameters.
func TestHashCostOnlyInTests(t *testing.T) {
	var callers []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err == nil && strings.Contains(string(b), "UseTestHashCost()") && !strings.Contains(string(b), "func UseTestHashCost()") {
			callers = append(callers, path)
		}
		return err
	})
	require.NoError(t, err)
	require.Empty(t, callers, "production code must not weaken password hashes")
	require.Contains(t, HashPassword("long-enough-pw"), "$m=65536,t=2,p=2$")
}
