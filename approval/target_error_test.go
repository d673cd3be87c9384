package approval_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// TestTargetForbiddenNamesAccount: a post aimed at an account its author
// may not publish to is refused naming that account by platform and
// handle, for the reader's catalogue, not by its number.
func TestTargetForbiddenNamesAccount(t *testing.T) {
	b := setup(t, "sqlite")
	col := &relais.Account{Platform: relais.PlatformBluesky, Handle: "col.example", OwnerKind: relais.OwnerColistier, OwnerMemberID: b.colistier.ID}
	require.NoError(t, b.store.Update(context.Background(), func(tx *store.Tx) error { return tx.CreateAccount(col, nil) }))
	_, err := b.svc.CreatePost(as(b.candidate), b.post("Bonjour", col))
	require.Equal(t, "targets", relais.ErrorField(err))
	key, params := relais.ErrorKey(err)
	require.Equal(t, "error.account_forbidden", key)
	require.Equal(t, "Bluesky @col.example", params["account"])
}
