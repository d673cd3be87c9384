package approval_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/analytics"
	"github.com/relais/relais/store"
)

// TestPreviewShowsShortLinks checks that the approver's previews carry the
// short link each account will publish, with its destination, and the
// naked link on an account that opted out; and that the destination is in
// the approved content hash.
func TestPreviewShowsShortLinks(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	linker, err := analytics.NewLinker(as(b.editor), b.store, "https://r.example.org")
	require.NoError(t, err)
	b.svc.SetLinkShortener(linker)
	require.NoError(t, b.store.Update(as(b.editor), func(tx *store.Tx) error { return tx.SetLinkOptOut(b.anne.ID, true) }))
	p := b.MustSubmit(b.cm, b.post("Le programme : https://paris2026.fr/programme", b.anne, b.campaign))
	v, err := b.svc.Get(as(b.candidate), p.ID)
	require.NoError(t, err)
	require.Len(t, v.Previews, 2)
	for _, pv := range v.Previews {
		if pv.AccountID == b.anne.ID {
			require.Equal(t, "Le programme : https://paris2026.fr/programme", pv.Text)
			require.Empty(t, pv.Links)
			continue
		}
		sc := analytics.ScopeForAccount(p, b.campaign)
		short := linker.ShortURL(linker.Code(sc, "https://paris2026.fr/programme"))
		require.Equal(t, "Le programme : "+short, pv.Text)
		require.Len(t, pv.Links, 1)
		require.Equal(t, "https://paris2026.fr/programme", pv.Links[0].URL)
		require.Equal(t, short, pv.Links[0].Short)
	}
	changed := *p
	changed.Text = "Le programme : https://paris2026.fr/autre"
	require.NotEqual(t, p.ContentHash, changed.Hash())
}
