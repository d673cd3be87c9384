package main

import (
	"encoding/csv"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// TestUserTokenIsTheServices (issue 13): `relais user token` issues and
// revokes through auth.Service as the command line's operator: each
// leaves its audit entry by relais.SystemCLI, success is printed only
// once committed, and a missing member keeps its exit code.
func TestUserTokenIsTheServices(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	tok := tm.member("web@example.org", "editor")
	issued := tm.lastAudit()
	require.Equal(t, "token.issue", issued.Action)
	require.Equal(t, relais.SystemCLI, issued.Actor)
	require.Zero(t, issued.ActorID)
	require.Contains(t, issued.Detail, "web@example.org")
	require.Equal(t, http.StatusOK, tm.call(tok, "GET", "/api/me", nil, nil))

	require.Equal(t, "1 token(s) revoked", tm.cli("user", "token", "--revoke", "--email", "web@example.org"))
	revoked := tm.lastAudit()
	require.Equal(t, "token.revoke", revoked.Action)
	require.Equal(t, relais.SystemCLI, revoked.Actor)
	require.Equal(t, http.StatusUnauthorized, tm.call(tok, "GET", "/api/me", nil, nil))

	_, err := tm.cliOut("user", "token", "--email", "nobody@example.org")
	require.Equal(t, exitNotFound, exitCode(err), "%v", err)

	_, err = tm.store.DB().Exec(`CREATE TRIGGER refuse_token_audit BEFORE INSERT ON audit_log
		WHEN NEW.action LIKE 'token.%' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`)
	require.NoError(t, err)
	out, err := tm.cliOut("user", "token", "--email", "web@example.org")
	require.ErrorContains(t, err, "injected failure")
	require.NotContains(t, out, "relais_", "no token printed for a rolled-back issue")
	require.Equal(t, exitInternal, exitCode(err))
}

// TestSeedCommandIsTheServices (issue 13): `relais seed` creates the
// demo through the services the API calls, so its audit export lists
// every member, account and the supporters' import, by relais.SystemCLI;
// a second seed changes nothing.
func TestSeedCommandIsTheServices(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out, _, err := runCLI(t, "seed", "--data", dir, "--supporters", "5")
	require.NoError(t, err)
	require.Contains(t, out, "demo campaign seeded")
	today := time.Now().In(relais.DefaultLocation())
	out, _, err = runCLI(t, "audit", "export", "--data", dir, "--from", today.AddDate(0, 0, -1).Format("2006-01-02"),
		"--to", today.AddDate(0, 0, 1).Format("2006-01-02"))
	require.NoError(t, err)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	actions := map[string]int{}
	for _, r := range rows[1:] {
		require.Equal(t, relais.SystemCLI, r[3], "%v", r)
		actions[r[4]]++
	}
	require.Equal(t, map[string]int{"member.add": 21, "account.add": 22, "supporters.import": 1}, actions)

	out, _, err = runCLI(t, "seed", "--data", dir)
	require.NoError(t, err)
	require.Contains(t, out, "nothing seeded")
}
