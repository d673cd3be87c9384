package textdiff

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func join(parts []Part, keep Op) string {
	var b strings.Builder
	for _, p := range parts {
		if p.Op == Same || p.Op == keep {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func TestWordsMarksRemovedAndAdded(t *testing.T) {
	parts := Words("Le bilan de Bernard Lacombe est désastreux.", "Le bilan de Bernard Lacombe est décevant pour le 11e.")
	require.Equal(t, []Part{
		{Same, "Le bilan de Bernard Lacombe est "},
		{Removed, "désastreux."},
		{Added, "décevant pour le 11e."},
	}, parts)
	require.True(t, Changed(parts))
}

func TestWordsKeepsUnchangedText(t *testing.T) {
	parts := Words("Réunion publique jeudi", "Réunion publique jeudi")
	require.Equal(t, []Part{{Same, "Réunion publique jeudi"}}, parts)
	require.False(t, Changed(parts))
	require.Empty(t, Words("", ""))
	require.Equal(t, []Part{{Added, "nouveau texte"}}, Words("", "nouveau texte"))
}

func TestWordsInsertionInTheMiddle(t *testing.T) {
	parts := Words("Venez au marché dimanche", "Venez nombreux au marché d'Aligre dimanche")
	require.Equal(t, "Venez nombreux au marché d'Aligre dimanche", join(parts, Added))
	require.Equal(t, []string{"Venez ", "nombreux ", "au marché ", "d'Aligre ", "dimanche"}, texts(parts))
	require.Equal(t, Added, parts[1].Op)
	require.Equal(t, Added, parts[3].Op)
}

func TestWordsHugeTextsFallBack(t *testing.T) {
	a, b := strings.Repeat("mot ", 3000), strings.Repeat("autre ", 3000)
	parts := Words(a, b)
	require.Equal(t, []Part{{Removed, a}, {Added, b}}, parts)
}

func texts(parts []Part) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p.Text
	}
	return out
}

func FuzzWords(f *testing.F) {
	f.Add("Le bilan est désastreux.", "Le bilan est décevant.")
	f.Add("  a  b ", "b\ta\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 300 || len(b) > 300 {
			return
		}
		parts := Words(a, b)
		if got := join(parts, Added); got != b {
			t.Fatalf("same+added = %q, want %q", got, b)
		}
		var words []string
		for _, p := range parts {
			if p.Op != Added {
				words = append(words, strings.Fields(p.Text)...)
			}
		}
		if strings.Join(words, " ") != strings.Join(strings.Fields(a), " ") {
			t.Fatalf("same+removed words %q differ from %q", words, a)
		}
		for i := 1; i < len(parts); i++ {
			if parts[i].Op == parts[i-1].Op || parts[i].Text == "" {
				t.Fatalf("parts not merged: %#v", parts)
			}
		}
	})
}
