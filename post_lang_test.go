package relais

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLangFor(t *testing.T) {
	p := &Post{Text: "Réunion publique jeudi", Lang: "fr", Variants: map[Platform]string{PlatformBluesky: "Join us on Thursday for the meeting"}}
	require.Equal(t, "fr", p.LangFor(PlatformX))
	require.Equal(t, "en", p.LangFor(PlatformBluesky), "a variant in another language is tagged with it")
	require.Equal(t, "fr", (&Post{Text: "x"}).LangFor(PlatformMastodon), "French by default")
}
