package approval_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store/storetest"
)

// TestCreateAccount (issue 13 item 3): connecting an account is the
// approval service's: editors and the command line's operator may, a
// community manager may not; a colistier owner is found by e-mail, an
// unknown one is a field error; the audit names who connected it.
func TestCreateAccount(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		in := approval.NewAccount{Account: relais.Account{Platform: relais.PlatformMastodon, Handle: "col@piaille.fr"}, Owner: "colistier:col@x.fr"}
		_, err := b.svc.CreateAccount(as(b.cm), in)
		requireCode(t, relais.EFORBIDDEN, err)
		_, err = b.svc.CreateAccount(as(b.editor), approval.NewAccount{Account: in.Account, Owner: "colistier:nobody@x.fr"})
		require.Equal(t, "owner", relais.ErrorField(err))

		a, err := b.svc.CreateAccount(as(b.editor), in)
		require.NoError(t, err)
		require.Equal(t, b.colistier.ID, a.OwnerMemberID)
		require.Equal(t, "account.add", b.lastAudit().Action)
		require.Equal(t, relais.Actor(b.editor), b.lastAudit().Actor)

		in.Account.Handle, in.Owner = "district@piaille.fr", "district:Nord"
		_, err = b.svc.CreateAccount(relais.AsCLI(context.Background()), in)
		require.NoError(t, err)
		require.Equal(t, relais.SystemCLI, b.lastAudit().Actor)
		require.Zero(t, b.lastAudit().ActorID)
	})
}
