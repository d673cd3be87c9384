package demo_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/demo"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestSeedGoesThroughServices (issue 13): the demo is created by the
// services the API calls, as the command line's operator: every member,
// account and the supporters' import leave their audit entry by
// relais.SystemCLI (a direct write would leave none), and the supporters
// land in their sector with their consent, as before.
func TestSeedGoesThroughServices(t *testing.T) {
	s := storetest.Open(t, "sqlite")
	ctx := context.Background()
	seeded, err := demo.Seed(ctx, s, 34)
	require.NoError(t, err)
	require.True(t, seeded)
	require.NoError(t, s.View(ctx, func(tx *store.Tx) error {
		es, err := tx.Audit(store.AuditFilter{})
		require.NoError(t, err)
		actions := map[string]int{}
		for _, e := range es {
			require.Equal(t, relais.SystemCLI, e.Actor, "%s", e.Action)
			require.Zero(t, e.ActorID)
			actions[e.Action]++
		}
		sectors := len(demo.Sectors())
		require.Equal(t, map[string]int{"member.add": len(demo.Logins) + sectors, "account.add": 5 + sectors, "supporters.import": 1}, actions)

		sp, err := tx.SupporterByEmail("soutien00001@demo.relais.fr")
		require.NoError(t, err)
		require.Equal(t, demo.Sectors()[0].Name, sp.District)
		require.Equal(t, "Soutien 1", sp.Name)
		require.True(t, sp.Mobilised)
		require.NotNil(t, sp.ConsentAt)
		require.Equal(t, "démo", sp.ConsentSource)
		_, total, err := tx.Supporters(store.SupporterFilter{})
		require.Equal(t, int64(34), total)
		return err
	}))

	seeded, err = demo.Seed(ctx, s, 34)
	require.NoError(t, err)
	require.False(t, seeded, "once")
}
