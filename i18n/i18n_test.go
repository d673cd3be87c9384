package i18n

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCatalogueBothLanguages fails on an entry missing in one language
// and on a plural key without both forms.
func TestCatalogueBothLanguages(t *testing.T) {
	for k, v := range catalogue {
		require.NotEmpty(t, v[0], "%s has no French", k)
		require.NotEmpty(t, v[1], "%s has no English", k)
	}
	for k := range catalogue {
		for _, form := range []string{".one", ".other"} {
			if base, ok := cutSuffix(k, form); ok {
				require.True(t, Has(base+".one") && Has(base+".other"), "%s lacks a plural form", base)
			}
		}
	}
}

func cutSuffix(s, suffix string) (string, bool) {
	if len(s) > len(suffix) && s[len(s)-len(suffix):] == suffix {
		return s[:len(s)-len(suffix)], true
	}
	return "", false
}

// TestPlural: French uses the singular for 0 and 1, English for 1 only.
func TestPlural(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{FR, 0, "relais : 0 publication à partager"}, {FR, 1, "relais : 1 publication à partager"},
		{FR, 2, "relais : 2 publications à partager"}, {EN, 0, "relais: 0 posts to share"},
		{EN, 1, "relais: 1 post to share"}, {EN, 12, "relais: 12 posts to share"},
	} {
		require.Equal(t, c.want, N(c.lang, "mail.inbox.subject", c.n, nil))
	}
}

// TestCodeRoundTrip: a coded text decodes to its key and parameters; a
// plain sentence or an unknown key is not a code.
func TestCodeRoundTrip(t *testing.T) {
	c := Code("history.second_step", "names", "Anne & Léa = 2")
	key, params, ok := Decode(c)
	require.True(t, ok)
	require.Equal(t, "history.second_step", key)
	require.Equal(t, map[string]string{"names": "Anne & Léa = 2"}, params)
	require.Equal(t, "second approval awaited: Anne & Léa = 2", T(EN, key, params))
	_, _, ok = Decode("routing: candidate")
	require.False(t, ok)
	_, _, ok = Decode("@nope?x=1")
	require.False(t, ok)
	require.Equal(t, "sensitive: names an opponent", Reason(EN, "sensible : cite un adversaire"), "an older row's sentence")
	require.Equal(t, "sensible : cite un adversaire", Reason(FR, ReasonOpponent))
}
