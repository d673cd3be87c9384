package supporters

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNormalizeEmail checks the address forms an import meets: case,
// spaces, a display name or comment around the address (parsed only
// then), an internationalised domain, and what is refused.
func TestNormalizeEmail(t *testing.T) {
	for in, want := range map[string]string{
		"  Lea.Martin@Exemple.FR ":       "lea.martin@exemple.fr",
		"Léa Martin <Lea@Exemple.fr>":    "lea@exemple.fr",
		`"Martin, Léa" <lea@exemple.fr>`: "lea@exemple.fr",
		"lea@exemple.fr (Léa)":           "lea@exemple.fr",
		"lea@Café.fr":                    "lea@xn--caf-dma.fr",
	} {
		got, err := NormalizeEmail(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "pas-une-adresse", "lea@exemple", "lea@@exemple.fr", "lea martin@exemple.fr", "<lea@exemple.fr"} {
		_, err := NormalizeEmail(bad)
		require.Error(t, err, bad)
	}
}

// TestNormalizePhone checks that separators are dropped and anything
// else refused.
func TestNormalizePhone(t *testing.T) {
	got, err := normalizePhone(" +33 (0)6.12-34 56 78 ")
	require.NoError(t, err)
	require.Equal(t, "+330612345678", got)
	_, err = normalizePhone("06 12 34 AB")
	require.Error(t, err)
}
