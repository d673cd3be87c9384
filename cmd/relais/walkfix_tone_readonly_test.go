package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestToneRulesReadOnlyForNonSavers: the web lead, who may not save the
// tone rules, reads them with every field disabled (the lists, the
// severities) or read-only (the YAML) and no empty row to add a person;
// the admin edits them.
func TestToneRulesReadOnlyForNonSavers(t *testing.T) {
	tm := mustRunDemo(t)
	web, admin := tm.signIn(t, "web@demo.relais.fr"), tm.signIn(t, "admin@demo.relais.fr")
	for lang, why := range map[string]string{
		"fr": `<p class="muted">Seul un admin peut enregistrer les règles de ton.</p>`,
		"en": `<p class="muted">Only an admin may save the tone rules.</p>`,
	} {
		status, body := web.get("/settings/tone?lang=" + lang)
		require.Equal(t, http.StatusOK, status)
		require.Contains(t, body, why)
		require.Equal(t, 3, strings.Count(body, `<fieldset class="bare" disabled>`), "opponents, own team, severities")
		require.Contains(t, body, `spellcheck="false" readonly>`)
		require.NotContains(t, body, `<tr class="new">`)
		_, body = admin.get("/settings/tone?lang=" + lang)
		require.NotContains(t, body, why)
		require.Equal(t, 3, strings.Count(body, `<fieldset class="bare">`))
		require.NotContains(t, body, "disabled>")
		require.NotContains(t, body, "readonly")
		require.Equal(t, 2, strings.Count(body, `<tr class="new">`))
	}
}
