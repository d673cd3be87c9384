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
