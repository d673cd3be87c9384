package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// cliOut runs a command against tm's database and returns its standard
// output and error, whatever they are.
func (tm *testMain) cliOut(args ...string) (string, error) {
	tm.t.Helper()
	var out bytes.Buffer
	args = append(args[:2:2], append([]string{"--data", tm.env.DataDir, "--database-url", tm.env.DatabaseURL}, args[2:]...)...)
	err := run(context.Background(), args, strings.NewReader(""), &out, &out)
	return out.String(), err
}

// lastAudit returns the newest audit entry.
func (tm *testMain) lastAudit() relais.AuditEntry {
	tm.t.Helper()
	var last relais.AuditEntry
	require.NoError(tm.t, tm.store.View(context.Background(), func(tx *store.Tx) error {
		es, err := tx.Audit(store.AuditFilter{})
		if len(es) > 0 {
			last = es[len(es)-1]
		}
		return err
	}))
	return last
}

func tokenFile(t *testing.T, token string) string {
	f := filepath.Join(t.TempDir(), "creds.json")
	require.NoError(t, os.WriteFile(f, []byte(`{"access_token":"`+token+`"}`), 0o600))
	return f
}

// TestCLIReconnectIsTheAPIsService (issue 13 item 3): `relais account
// reconnect` goes through the service the API calls: the same audit
// action, recorded as the system/cli actor rather than a person; and an
// election round declared from the command line is audited as the API's.
func TestCLIReconnectIsTheAPIsService(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	editor := tm.member("web@example.org", "editor")
	require.Equal(t, relais.SystemCLI, tm.lastAudit().Actor, "member.add from the command line")
	tm.cli("account", "add", "--platform", "mastodon", "--handle", "one@piaille.fr", "--owner", "campaign")
	tm.cli("account", "add", "--platform", "mastodon", "--handle", "two@piaille.fr", "--owner", "campaign")
	add := tm.lastAudit()
	require.Equal(t, "account.add", add.Action)
	require.Equal(t, relais.SystemCLI, add.Actor)

	require.Equal(t, http.StatusOK, tm.call(editor, "PUT", "/api/accounts/1", `{"credentials":{"access_token":"api-token"}}`, nil))
	api := tm.lastAudit()
	require.Contains(t, tm.cli("account", "reconnect", "--handle", "two@piaille.fr", "--credentials-file", tokenFile(t, "cli-token")), "reconnected")
	cli := tm.lastAudit()
	require.Equal(t, api.Action, cli.Action, "the command line records what the API records")
	require.Equal(t, strings.Replace(api.Detail, "one@", "two@", 1), cli.Detail)
	require.Equal(t, relais.SystemCLI, cli.Actor)
	require.Zero(t, cli.ActorID, "the operator is no member")
	require.NotZero(t, api.ActorID)
	require.Contains(t, api.Actor, "web@example.org")

	require.Equal(t, http.StatusCreated, tm.call(editor, "POST", "/api/election-rounds", `{"day":"2099-03-15","polls_close":"20:00"}`, nil))
	apiRound := tm.lastAudit()
	tm.cli("election", "add", "--day", "2099-03-22")
	require.Equal(t, apiRound.Action, tm.lastAudit().Action)
	require.Equal(t, relais.SystemCLI, tm.lastAudit().Actor)
}

// TestCLIPrintsSuccessOnlyAfterCommit (issue 13 item 3): when the
// transaction fails after the account was written (here its audit entry
// is refused), `relais account reconnect` and `relais account add` print
// no success, exit as internal errors, and nothing changed.
func TestCLIPrintsSuccessOnlyAfterCommit(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	tm.cli("account", "add", "--platform", "mastodon", "--handle", "one@piaille.fr", "--owner", "campaign")
	_, err := tm.store.DB().Exec(`CREATE TRIGGER refuse_account_audit BEFORE INSERT ON audit_log
		WHEN NEW.action LIKE 'account.%' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`)
	require.NoError(t, err)

	out, err := tm.cliOut("account", "reconnect", "--handle", "one@piaille.fr", "--credentials-file", tokenFile(t, "new-token"))
	require.ErrorContains(t, err, "injected failure")
	require.NotContains(t, out, "reconnected")
	require.Equal(t, exitInternal, exitCode(err))
	out, err = tm.cliOut("account", "add", "--platform", "mastodon", "--handle", "two@piaille.fr", "--owner", "campaign")
	require.ErrorContains(t, err, "injected failure")
	require.NotContains(t, out, "added")

	require.NoError(t, tm.store.View(context.Background(), func(tx *store.Tx) error {
		as, err := tx.Accounts()
		require.Len(t, as, 1, "the refused add was rolled back")
		full, err2 := tx.AccountWithCredentials(as[0].ID)
		require.NoError(t, err2)
		require.Empty(t, full.Credentials["access_token"], "the refused reconnect was rolled back")
		return err
	}))
}

// TestCLIDatabaseErrorIsNoNotFound (issue 13 item 3): a database error is
// reported as such, with its own exit code, never as "no account" or "no
// member"; a missing account or member is ENOTFOUND or a field error.
func TestCLIDatabaseErrorIsNoNotFound(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	creds := tokenFile(t, "tok")
	_, _, err := runCLI(t, "account", "reconnect", "--data", dir, "--handle", "nobody", "--credentials-file", creds)
	require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err))
	require.Equal(t, exitNotFound, exitCode(err))
	_, _, err = runCLI(t, "account", "add", "--data", dir, "--platform", "x", "--handle", "x", "--owner", "colistier:nobody@x.fr")
	require.Equal(t, "owner", relais.ErrorField(err))
	require.Equal(t, exitInvalid, exitCode(err))

	breakTable(t, dir, "ALTER TABLE accounts RENAME TO accounts_moved")
	_, _, err = runCLI(t, "account", "reconnect", "--data", dir, "--handle", "nobody", "--credentials-file", creds)
	require.Error(t, err)
	require.Equal(t, relais.EINTERNAL, relais.ErrorCode(err), "%v", err)
	require.Equal(t, exitInternal, exitCode(err))
	breakTable(t, dir, "ALTER TABLE members RENAME TO members_moved")
	_, _, err = runCLI(t, "account", "add", "--data", dir, "--platform", "x", "--handle", "x", "--owner", "colistier:nobody@x.fr")
	require.Error(t, err)
	require.NotContains(t, message(err), "no member")
	require.Equal(t, exitInternal, exitCode(err))

	_, _, err = runCLI(t, "frobnicate")
	require.Equal(t, exitUsage, exitCode(err))
	_, _, err = runCLI(t, "account", "list", "--no-such-flag")
	require.Equal(t, exitUsage, exitCode(err))
}

// breakTable runs a statement on the SQLite database in dir.
func breakTable(t *testing.T, dir, stmt string) {
	t.Helper()
	cfg, err := loadConfig()
	require.NoError(t, err)
	e := env{cfg: cfg, DataDir: dir}
	s, err := e.openStore(context.Background(), newLogger(&bytes.Buffer{}, cfg))
	require.NoError(t, err)
	defer s.Close()
	_, err = s.DB().Exec(stmt)
	require.NoError(t, err)
}
