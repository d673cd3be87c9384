package auth_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// TestTokensAreAuditedAndGuarded (issue 13): issuing and revoking tokens
// leave an audit entry naming who did it for whom; the command line's
// operator manages anyone's tokens, a member who does not manage members
// only her own.
func TestTokensAreAuditedAndGuarded(t *testing.T) {
	t.Parallel()
	s, a, web := setup(t, "sqlite")
	ctx := context.Background()
	cm := &relais.Member{Email: "cm@x.fr", Name: "CM", Role: relais.RoleCommunityManager}
	require.NoError(t, a.AddMember(relais.AsCLI(ctx), cm, password))

	_, err := a.IssueToken(relais.AsCLI(ctx), web.Email)
	require.NoError(t, err)
	last := lastAudit(t, s)
	require.Equal(t, "token.issue", last.Action)
	require.Equal(t, relais.SystemCLI, last.Actor)
	require.Contains(t, last.Detail, "web@x.fr")
	require.Contains(t, last.Detail, "api token")

	asCM := relais.NewContextWithMember(ctx, cm)
	_, err = a.IssueCalendarToken(asCM, web.Email)
	requireCode(t, relais.EFORBIDDEN, err)
	_, err = a.RevokeTokens(asCM, web.Email)
	requireCode(t, relais.EFORBIDDEN, err)
	require.Equal(t, "token.issue", lastAudit(t, s).Action, "a refused call writes nothing")

	_, err = a.IssueCalendarToken(asCM, cm.Email)
	require.NoError(t, err, "her own")
	require.Contains(t, lastAudit(t, s).Detail, "calendar token")
	n, err := a.RevokeTokens(relais.AsCLI(ctx), web.Email)
	require.NoError(t, err)
	require.Equal(t, int64(1), n)
	last = lastAudit(t, s)
	require.Equal(t, "token.revoke", last.Action)
	require.Equal(t, relais.SystemCLI, last.Actor)
}

func lastAudit(t *testing.T, s *store.Store) relais.AuditEntry {
	t.Helper()
	var last relais.AuditEntry
	require.NoError(t, s.View(context.Background(), func(tx *store.Tx) error {
		es, err := tx.Audit(store.AuditFilter{Limit: 1, Newest: true})
		if len(es) == 1 {
			last = es[0]
		}
		return err
	}))
	return last
}
