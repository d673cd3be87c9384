package main

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBadEnvironmentExitsNonZero (issue 13 item 4): the relais process,
// started with several bad variables, prints every problem at once, each
// naming its variable, and exits with the configuration's exit code,
// before touching the database.
func TestBadEnvironmentExitsNonZero(t *testing.T) {
	if os.Getenv("RELAIS_TEST_AS_MAIN") == "1" { // the child: run the real main
		os.Args = []string{"relais", "migrate", "--data", os.Getenv("RELAIS_TEST_DATA")}
		main()
		return
	}
	t.Parallel()
	dir := t.TempDir()
	bad := []string{"RELAIS_SMTP_PORT=abc", "RELAIS_BASE_URL=not a url", "RELAIS_SUPPORTER_RETENTION=forever",
		"RELAIS_TIMEZONE=Europe/Nowhere", "RELAIS_WORKERS=many"}
	cmd := exec.Command(os.Args[0], "-test.run=^TestBadEnvironmentExitsNonZero$")
	cmd.Env = append(append(os.Environ(), "RELAIS_TEST_AS_MAIN=1", "RELAIS_TEST_DATA="+dir), bad...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "relais must fail: %v\n%s", err, out)
	require.Equal(t, exitConfig, exit.ExitCode(), string(out))
	for _, kv := range bad {
		name, _, _ := strings.Cut(kv, "=")
		require.Contains(t, string(out), name+": ", "every problem at once")
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Empty(t, entries, "nothing was opened")
}
