package ui

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestUIDoesNotImportDemo (issue 13 item 5): the dashboard takes the
// campaign's districts from its configuration (Config.Districts); the demo
// campaign is no dependency of ui, not even an indirect one.
func TestUIDoesNotImportDemo(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	require.NoError(t, err)
	deps := strings.Fields(string(out))
	require.Contains(t, deps, "github.com/relais/relais/approval", "the listing holds ui's dependencies")
	require.NotContains(t, deps, "github.com/relais/relais/demo")
}
