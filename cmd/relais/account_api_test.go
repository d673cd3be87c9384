package main

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// TestAccountReconnectAPI: a web lead reconnects an account whose token
// expired and changes its profile; the secret is stored encrypted, never
// echoed or written to the audit log.
func TestAccountReconnectAPI(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	editor := tm.member("web@example.org", "editor")
	admin := tm.member("admin@example.org", "admin")
	cm := tm.member("cm@example.org", "community_manager")
	tm.cli("account", "add", "--platform", "mastodon", "--handle", "avecanne@piaille.fr", "--owner", "campaign")
	ctx := context.Background()
	require.NoError(t, tm.store.Update(ctx, func(tx *store.Tx) error { return tx.SetAccountStatus(1, relais.AccountNeedsReconnect) }))

	var e apiErr
	require.Equal(t, http.StatusForbidden, tm.call(cm, "PUT", "/api/accounts/1", `{"credentials":{"access_token":"x"}}`, &e))
	require.Equal(t, http.StatusBadRequest, tm.call(editor, "PUT", "/api/accounts/1", `{"tone_profile":"laxiste"}`, &e))
	require.Equal(t, "tone_profile", e.Error.Field)
	require.Equal(t, http.StatusNotFound, tm.call(editor, "PUT", "/api/accounts/99", `{"tone_profile":"campaign"}`, &e))

	var a struct {
		Status      string `json:"status"`
		ToneProfile string `json:"tone_profile"`
	}
	require.Equal(t, http.StatusForbidden, tm.call(editor, "PUT", "/api/accounts/1", `{"tone_profile":"colistier"}`, &e),
		"only an admin changes the campaign account's tone profile")
	require.Equal(t, http.StatusOK, tm.call(editor, "PUT", "/api/accounts/1", `{"credentials":{"access_token":"fresh-secret-token"}}`, &a))
	require.Equal(t, "active", a.Status)
	require.Equal(t, http.StatusOK, tm.call(admin, "PUT", "/api/accounts/1", `{"tone_profile":"candidate"}`, &a))
	require.Equal(t, "candidate", a.ToneProfile)
	require.NoError(t, tm.store.View(ctx, func(tx *store.Tx) error {
		full, err := tx.AccountWithCredentials(1)
		require.NoError(t, err)
		require.Equal(t, "fresh-secret-token", full.Credentials["access_token"])
		es, err := tx.Audit(store.AuditFilter{})
		for _, e := range es {
			require.NotContains(t, e.Detail, "fresh-secret-token", fmt.Sprintf("audit entry %d", e.ID))
		}
		require.Equal(t, "account.update", es[len(es)-1].Action)
		return err
	}))
}
