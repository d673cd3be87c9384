package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	bsky "github.com/relais/relais/connectors/bluesky"
	"github.com/relais/relais/internal/testpeer/bluesky"
	"github.com/relais/relais/store"
)

// TestReconnectXFollowsUserID: X usernames change, user ids do not. The
// campaign's X account renamed on X is reconnected: same user id, so the
// reconnection is accepted and the account takes its new username;
// someone else who took the old username (another user id) is refused,
// in the reader's language, and nothing changes.
func TestReconnectXFollowsUserID(t *testing.T) {
	t.Parallel()
	fx := newXOAuthServer(t)
	tm := mustRunDemoWith(t, func(m *Main) {
		m.cfg.XConsumerKey, m.cfg.XConsumerSecret, m.XBaseURL = "campaign-ck", "campaign-cs", fx.srv.URL
	})
	admin := tm.signIn(t, "admin@demo.relais.fr")
	status, body := admin.post("/settings/connect/x", url.Values{"owner": {"campaign"}})
	require.Equal(t, http.StatusOK, status, body)
	a, _ := xAccount(t, tm, "AvecAnne")

	fx.mu.Lock()
	fx.username = "AnneOfficielle"
	fx.mu.Unlock()
	status, body = admin.post("/settings/connect/x", url.Values{"reconnect": {fmt.Sprint(a.ID)}})
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, "Compte reconnecté")
	renamed, _ := xAccount(t, tm, "AnneOfficielle")
	require.Equal(t, a.ID, renamed.ID, "the same account, renamed")
	require.Equal(t, "at-2", renamed.Credentials["access_token"])
	require.Contains(t, tm.lastAudit().Detail, "handle @AnneOfficielle")

	fx.mu.Lock()
	fx.userID = "666"
	fx.mu.Unlock()
	status, body = admin.post("/settings/connect/x?lang=en", url.Values{"reconnect": {fmt.Sprint(a.ID)}})
	require.Equal(t, http.StatusBadRequest, status)
	require.Contains(t, body, "These credentials are @AnneOfficielle&#39;s, not @AnneOfficielle&#39;s", "same username, another user")
	kept, _ := xAccount(t, tm, "AnneOfficielle")
	require.Equal(t, "at-2", kept.Credentials["access_token"], "nothing replaced")
	require.Equal(t, "42", kept.Credentials["user_id"])
}

// TestReconnectBlueskyMovesServer: a Bluesky account moved to another
// PDS is reconnected with the new server's address (the real PDS): the
// account now points at it, its old server's sessions are dropped with
// the old credentials, the audit names the new server, and the stored
// account signs in on the new PDS.
func TestReconnectBlueskyMovesServer(t *testing.T) {
	t.Parallel()
	pds := bluesky.Start(t)
	acct := pds.CreateAccount(t, "moved")
	tm := mustRunDemo(t)
	ctx := context.Background()
	old := &relais.Account{Platform: relais.PlatformBluesky, Handle: acct.Handle, OwnerKind: relais.OwnerCampaign, BaseURL: "http://127.0.0.1:9"}
	require.NoError(t, tm.store.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateAccount(old, map[string]string{bsky.CredIdentifier: acct.Handle, bsky.CredAppPassword: "old-pass",
			bsky.CredAccessJwt: "old-access", bsky.CredRefreshJwt: "old-refresh", bsky.CredDID: acct.DID})
	}))
	admin := tm.signIn(t, "admin@demo.relais.fr")
	_, body := admin.get(fmt.Sprintf("/settings/connect?reconnect=%d", old.ID))
	require.Contains(t, body, `value="http://127.0.0.1:9"`, "the old server is filled in")
	status, body := admin.post("/settings/connect/bluesky", url.Values{"handle": {acct.Handle}, "secret": {acct.AppPassword},
		"base_url": {pds.URL + "/"}, "reconnect": {fmt.Sprint(old.ID)}})
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, "Compte reconnecté")

	var got *relais.Account
	require.NoError(t, tm.store.View(ctx, func(tx *store.Tx) (err error) {
		got, err = tx.AccountWithCredentials(old.ID)
		return err
	}))
	require.Equal(t, pds.URL, got.BaseURL)
	require.Equal(t, map[string]string{bsky.CredIdentifier: acct.Handle, bsky.CredAppPassword: acct.AppPassword, bsky.CredDID: acct.DID},
		got.Credentials, "the old server's sessions are gone, the DID (the same) kept")
	require.Contains(t, tm.lastAudit().Detail, "server "+pds.URL)
	require.NoError(t, bsky.New(&http.Client{}, "").Verify(ctx, *got), "the stored account signs in on its new PDS")
}

// TestReconnectBlueskyRefusesTakenHandle: Bluesky handles change and can
// be taken by another account; the DID does not change (it moves with
// the account from PDS to PDS: https://atproto.com/specs/did). The
// campaign's account renamed itself and someone else took its old
// handle on the same (real) PDS: reconnecting with the old handle and
// the newcomer's app password is refused, and nothing changes.
func TestReconnectBlueskyRefusesTakenHandle(t *testing.T) {
	t.Parallel()
	pds := bluesky.Start(t)
	acct := pds.CreateAccount(t, "campagne")
	other := pds.CreateAccount(t, "intrus")
	tm := mustRunDemo(t)
	ctx := context.Background()
	mine := &relais.Account{Platform: relais.PlatformBluesky, Handle: acct.Handle, OwnerKind: relais.OwnerCampaign, BaseURL: pds.URL}
	require.NoError(t, tm.store.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateAccount(mine, map[string]string{bsky.CredIdentifier: acct.Handle, bsky.CredAppPassword: acct.AppPassword,
			bsky.CredAccessJwt: "access", bsky.CredRefreshJwt: "refresh", bsky.CredDID: acct.DID})
	}))
	taken := acct.Handle
	pds.UpdateHandle(t, &acct, "r"+acct.Handle)
	pds.UpdateHandle(t, &other, taken)

	admin := tm.signIn(t, "admin@demo.relais.fr")
	status, body := admin.post("/settings/connect/bluesky", url.Values{"handle": {taken}, "secret": {other.AppPassword},
		"base_url": {pds.URL}, "reconnect": {fmt.Sprint(mine.ID)}})
	require.Equal(t, http.StatusBadRequest, status, body)
	require.Contains(t, body, "Ces identifiants sont ceux de")
	var got *relais.Account
	require.NoError(t, tm.store.View(ctx, func(tx *store.Tx) (err error) {
		got, err = tx.AccountWithCredentials(mine.ID)
		return err
	}))
	require.Equal(t, acct.AppPassword, got.Credentials[bsky.CredAppPassword], "nothing replaced")
	require.Equal(t, acct.DID, got.Credentials[bsky.CredDID])
}

// TestReconnectBlueskyDropsOldSession: reconnecting a Bluesky account on
// its own PDS with a new app password drops the session the old one
// opened: relais would otherwise go on publishing with it (refreshing it)
// and never sign in with the new password.
func TestReconnectBlueskyDropsOldSession(t *testing.T) {
	t.Parallel()
	pds := bluesky.Start(t)
	acct := pds.CreateAccount(t, "session")
	tm := mustRunDemo(t)
	ctx := context.Background()
	mine := &relais.Account{Platform: relais.PlatformBluesky, Handle: acct.Handle, OwnerKind: relais.OwnerCampaign, BaseURL: pds.URL}
	require.NoError(t, tm.store.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateAccount(mine, map[string]string{bsky.CredIdentifier: acct.Handle, bsky.CredAppPassword: "old-pass",
			bsky.CredAccessJwt: acct.AccessJwt, bsky.CredRefreshJwt: acct.RefreshJwt, bsky.CredDID: acct.DID})
	}))
	admin := tm.signIn(t, "admin@demo.relais.fr")
	status, body := admin.post("/settings/connect/bluesky", url.Values{"handle": {acct.Handle}, "secret": {acct.AppPassword},
		"base_url": {pds.URL}, "reconnect": {fmt.Sprint(mine.ID)}})
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, "Compte reconnecté")
	var got *relais.Account
	require.NoError(t, tm.store.View(ctx, func(tx *store.Tx) (err error) {
		got, err = tx.AccountWithCredentials(mine.ID)
		return err
	}))
	require.Equal(t, map[string]string{bsky.CredIdentifier: acct.Handle, bsky.CredAppPassword: acct.AppPassword, bsky.CredDID: acct.DID},
		got.Credentials, "the old password's session is gone")
}
