package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/internal/testpeer/bluesky"
)

// TestAccountAddVerifiesOnRealPDS: a fresh account on the real PDS with an
// app password is accepted; a wrong app password is refused with the
// PDS's own reason and nothing is stored.
func TestAccountAddVerifiesOnRealPDS(t *testing.T) {
	pds := bluesky.Start(t)
	acct := pds.CreateAccount(t, "wf")
	require.NotEmpty(t, acct.AppPassword)

	dir := t.TempDir()
	args := []string{"account", "add", "--data", dir, "--platform", "bluesky", "--handle", acct.Handle, "--owner", "campaign", "--base-url", pds.URL}
	_, _, err := runCLI(t, append(args, "--credentials-file", credsFile(t, dir, "bad.json", `{"identifier":"`+acct.Handle+`","app_password":"aaaa-bbbb-cccc-dddd"}`))...)
	require.Error(t, err)
	require.Contains(t, err.Error(), "Invalid identifier or password")
	out, _, err := runCLI(t, "account", "list", "--data", dir)
	require.NoError(t, err)
	require.NotContains(t, out, acct.Handle)
	out, _, err = runCLI(t, append(args, "--credentials-file", credsFile(t, dir, "good.json", `{"identifier":"`+acct.Handle+`","app_password":"`+acct.AppPassword+`"}`))...)
	require.NoError(t, err)
	require.Contains(t, out, "added")
}
