package mastodon

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// TestCountIn: Mastodon counts a URL as its reserved length, GoToSocial
// every character, and a server of unknown software is held to the
// larger of both, like the submit check (textProblems).
func TestCountIn(t *testing.T) {
	t.Parallel()
	long := "Le programme : https://exemple-campagne.fr/" + strings.Repeat("p", 60)
	short := strings.Repeat("a", 490) + " http://a.fr" // 502 runes; 514 with the URL at 23
	masto := Instance{MaxChars: 500, URLReserved: 23, Software: SoftwareMastodon}
	gts := Instance{MaxChars: 500, URLReserved: 25, Software: SoftwareGoToSocial}
	unknown := Instance{MaxChars: 500, URLReserved: 23}
	for _, c := range []struct {
		in       Instance
		text     string
		length   int
		valid    bool
		counting string
	}{
		{masto, long, 15 + 23, true, CountingMastodon},
		{gts, long, utf8.RuneCountInString(long), true, CountingRunes},
		{unknown, long, utf8.RuneCountInString(long), true, CountingStricter},
		{masto, short, 491 + 23, false, CountingMastodon},
		{unknown, short, 491 + 23, false, CountingStricter},
		{Instance{MaxChars: 5000, URLReserved: 23, Software: SoftwareMastodon}, short, 514, true, CountingMastodon},
	} {
		n := countIn(c.in, c.text)
		require.Equal(t, c.length, n.Length, "%s: %.20q", c.counting, c.text)
		require.Equal(t, c.in.MaxChars, n.Limit)
		require.Equal(t, c.valid, n.Valid, "%v", n.Problems)
		require.Equal(t, c.valid, len(n.Problems) == 0)
		require.Equal(t, c.counting, n.Counting)
		require.Equal(t, len(textProblems(c.in, c.text)) == 0, n.Valid, "the counter agrees with the submit check")
	}
}
