package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// pdsURL is the real Bluesky PDS of the machine (see COORD: one instance,
// 127.0.0.1:2583). Until the internal/testpeer/bluesky harness is merged,
// this test reuses a PDS that already answers; under CI=true it must.
const pdsURL = "http://127.0.0.1:2583"

func requirePDS(t *testing.T) {
	t.Helper()
	resp, err := (&http.Client{Timeout: 3 * time.Second}).Get(pdsURL + "/xrpc/_health")
	if err == nil {
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("the Bluesky PDS does not answer at %s: %v", pdsURL, err)
	}
	t.Skip("no Bluesky PDS at " + pdsURL)
}

// pdsCall posts body to an XRPC procedure of the real PDS.
func pdsCall(t *testing.T, method, token string, body, out any) {
	t.Helper()
	b, err := json.Marshal(body)
	require.NoError(t, err)
	req, err := http.NewRequest("POST", pdsURL+"/xrpc/"+method, bytes.NewReader(b))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, method)
	require.NoError(t, json.NewDecoder(resp.Body).Decode(out))
}

// TestAccountAddVerifiesOnRealPDS: a fresh account on the real PDS with an
// app password is accepted; a wrong app password is refused with the
// PDS's own reason and nothing is stored.
func TestAccountAddVerifiesOnRealPDS(t *testing.T) {
	requirePDS(t)
	handle := fmt.Sprintf("wf%d.test", time.Now().UnixNano()%1e9)
	var acct struct{ AccessJwt string }
	pdsCall(t, "com.atproto.server.createAccount", "", map[string]string{"handle": handle, "email": handle + "@example.org", "password": "pw-" + handle}, &acct)
	var app struct{ Password string }
	pdsCall(t, "com.atproto.server.createAppPassword", acct.AccessJwt, map[string]string{"name": "relais"}, &app)
	require.NotEmpty(t, app.Password)

	dir := t.TempDir()
	args := []string{"account", "add", "--data", dir, "--platform", "bluesky", "--handle", handle, "--owner", "campaign", "--base-url", pdsURL}
	_, _, err := runCLI(t, append(args, "--credentials-file", credsFile(t, dir, "bad.json", `{"identifier":"`+handle+`","app_password":"aaaa-bbbb-cccc-dddd"}`))...)
	require.Error(t, err)
	require.Contains(t, err.Error(), "Invalid identifier or password")
	out, _, err := runCLI(t, "account", "list", "--data", dir)
	require.NoError(t, err)
	require.NotContains(t, out, handle)
	out, _, err = runCLI(t, append(args, "--credentials-file", credsFile(t, dir, "good.json", `{"identifier":"`+handle+`","app_password":"`+app.Password+`"}`))...)
	require.NoError(t, err)
	require.Contains(t, out, "added")
}
