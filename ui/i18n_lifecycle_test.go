package ui

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// TestLifecycleCatalogue: every lifecycle event and state has a name in
// the catalogue, and a refused transition reads in the reader's language
// with both states and the event named.
func TestLifecycleCatalogue(t *testing.T) {
	for _, ev := range lifecycleEvents() {
		_, ok := messages["lifecycle.event."+ev]
		require.True(t, ok, "event %s has no name", ev)
	}
	for _, st := range relais.DeliveryStates {
		_, ok := messages["state."+string(st)]
		require.True(t, ok, "delivery state %s has no name", st)
	}
	_, err := relais.PostTransition(relais.PostPublished, relais.PostCancel)
	require.Equal(t, "Action « annuler » impossible : la publication est à l'état « publié » (cette action mène à : annulé).", localize("fr", relais.DefaultLocation(), err))
	require.Equal(t, "Cannot cancel: the post is published (this action leads to: cancelled).", localize("en", relais.DefaultLocation(), err))
	err = relais.StaleStateError("delivery", "publishing", "published", "retry")
	require.Equal(t, "The delivery changed meanwhile: it is published, no longer publishing (action retry later). Reload it.", localize("en", relais.DefaultLocation(), err))
	require.Contains(t, localize("fr", relais.DefaultLocation(), err), "« publié » : elle n'est plus « en cours de publication »")
}
