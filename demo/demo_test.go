package demo_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/demo"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestDemoHandlesValid: every demo X handle is one X accepts (letters,
// digits, underscore, at most 15 characters; help.x.com "Username rules").
func TestDemoHandlesValid(t *testing.T) {
	s := storetest.Open(t, "sqlite")
	seeded, err := demo.Seed(context.Background(), s, 3)
	require.NoError(t, err)
	require.True(t, seeded)
	x := regexp.MustCompile(`^[A-Za-z0-9_]{1,15}$`)
	require.NoError(t, s.View(context.Background(), func(tx *store.Tx) error {
		as, err := tx.Accounts()
		n := 0
		for _, a := range as {
			if a.Platform == relais.PlatformX {
				n++
				require.Regexp(t, x, a.Handle)
			}
		}
		require.Equal(t, 19, n, "the candidate's, the campaign's and one per sector")
		return err
	}))
}

// TestDemoSectorsInNaturalOrder: accounts list the sectors as Paris
// Centre, 5e … 20e, not as text (10e … 20e, 5e … 9e, Paris Centre).
func TestDemoSectorsInNaturalOrder(t *testing.T) {
	s := storetest.Open(t, "sqlite")
	_, err := demo.Seed(context.Background(), s, 0)
	require.NoError(t, err)
	var got []string
	require.NoError(t, s.View(context.Background(), func(tx *store.Tx) error {
		as, err := tx.Accounts()
		for _, a := range as {
			if a.OwnerKind == relais.OwnerColistier {
				got = append(got, a.Handle)
			}
		}
		return err
	}))
	require.Equal(t, []string{"avecanne_centre", "avecanne_5", "avecanne_6", "avecanne_7", "avecanne_8", "avecanne_9", "avecanne_10"}, got[:7])
	require.Equal(t, "avecanne_20", got[len(got)-1])
}

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
