package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHomeHidesDecisionsFromNonDeciders: the community manager, whose
// role decides on no post, finds on her home neither "awaiting your
// decision" nor its empty count, and her menu says Home; the web lead
// still finds what awaits her decision.
func TestHomeHidesDecisionsFromNonDeciders(t *testing.T) {
	tm := mustRunDemo(t)
	cm, web := tm.signIn(t, "cm@demo.relais.fr"), tm.signIn(t, "web@demo.relais.fr")
	for _, c := range []struct{ lang, title, queue, empty, queueNav string }{
		{"fr", "<h1>Accueil</h1>", "En attente de votre décision", "Rien à valider", ">À valider</a>"},
		{"en", "<h1>Home</h1>", "Awaiting your decision", "Nothing to review", ">Queue</a>"},
	} {
		status, body := cm.get("/?lang=" + c.lang)
		require.Equal(t, http.StatusOK, status)
		require.Contains(t, body, c.title)
		require.NotContains(t, body, c.queue)
		require.NotContains(t, body, c.empty)
		require.NotContains(t, body, c.queueNav)
		_, body = web.get("/?lang=" + c.lang)
		require.Contains(t, body, c.queue)
		require.Contains(t, body, c.queueNav)
	}
}
