package tone

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSetKeyKeepsTheRest: replacing one list keeps the other keys and the
// comments, and the result parses to the new list.
func TestSetKeyKeepsTheRest(t *testing.T) {
	in := "# campaign rules\nopponents:\n  - name: Bernard Lacombe\nown_team:\n  - name: Claire Morel # our lead\nlexicons:\n  fr: {attack: [magouilleur]}\n"
	out, err := SetKey([]byte(in), "opponents", []Person{{Name: "Jean Dupont", Handles: []string{"@jdupont"}}})
	require.NoError(t, err)
	s := string(out)
	require.Contains(t, s, "# campaign rules")
	require.Contains(t, s, "# our lead")
	require.Contains(t, s, "magouilleur")
	require.NotContains(t, s, "Bernard Lacombe")
	l, err := ReadLists(out)
	require.NoError(t, err)
	require.Equal(t, []Person{{Name: "Jean Dupont", Handles: []string{"@jdupont"}}}, l.Opponents)
	require.Equal(t, "Claire Morel", l.OwnTeam[0].Name)
	cfg, err := ParseConfig(out)
	require.NoError(t, err)
	require.Len(t, cfg.Opponents, 1)

	out, err = SetKey(nil, "profiles", map[string]Profile{"campaign": {"attack": "warn"}})
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(out), "profiles:"), string(out))
	_, err = SetKey([]byte("opponents: [unclosed"), "own_team", nil)
	var ce *ConfigError
	require.ErrorAs(t, err, &ce)
}
