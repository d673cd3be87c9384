package approval_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/bluesky"
	peer "github.com/relais/relais/internal/testpeer/bluesky"
	"github.com/relais/relais/store"
)

// TestSubmitRefusesUnknownBlueskyMention: with the real PDS, a post that
// mentions a handle that does not resolve is refused at submit, naming the
// handle, before anyone approves it (it used to be refused by the server
// after approval); a known handle passes, and a sandboxed account is
// checked offline.
func TestSubmitRefusesUnknownBlueskyMention(t *testing.T) {
	pds := peer.Start(t)
	acc, other := pds.CreateAccount(t, "cand"), pds.CreateAccount(t, "ami")
	b := setup(t, store.DialectSQLite)
	b.svc.SetConnectors(connectors.NewRegistry(bluesky.New(nil, "")))
	var bsky, sandboxed *relais.Account
	require.NoError(t, b.store.Update(context.Background(), func(tx *store.Tx) error {
		bsky = &relais.Account{Platform: relais.PlatformBluesky, Handle: acc.Handle, OwnerKind: relais.OwnerCampaign, BaseURL: pds.URL}
		sandboxed = &relais.Account{Platform: relais.PlatformBluesky, Handle: "demo.test", OwnerKind: relais.OwnerCampaign, BaseURL: connectors.SandboxURL}
		if err := tx.CreateAccount(bsky, map[string]string{bluesky.CredIdentifier: acc.Handle, bluesky.CredAppPassword: acc.AppPassword}); err != nil {
			return err
		}
		return tx.CreateAccount(sandboxed, nil)
	}))

	p, err := b.svc.CreatePost(as(b.editor), b.post("Merci @personne-ici.test pour la réunion", bsky))
	require.NoError(t, err)
	_, err = b.svc.Submit(as(b.editor), p.ID)
	requireCode(t, relais.EINVALID, err)
	require.Contains(t, err.Error(), "@personne-ici.test")

	b.MustSubmit(b.editor, b.post("Merci @"+other.Handle+" pour la réunion", bsky))
	b.MustSubmit(b.editor, b.post("Merci @personne-ici.test pour la réunion", sandboxed))
}
