package main

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/demo"
)

// TestSettingsToneRules checks the tone rules editor: a broken file is
// refused with its line and field, an editor may validate but not save,
// and an admin's save reloads the running checker at once.
func TestSettingsToneRules(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	admin := tm.signIn(t, "admin@demo.relais.fr")
	web := tm.signIn(t, "web@demo.relais.fr")
	tok := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	check := func(text string) string {
		var out struct{ Verdict string }
		require.Equal(t, http.StatusOK, tm.call(tok, "POST", "/api/tone/check", map[string]string{"text": text, "profile": "campaign"}, &out))
		return out.Verdict
	}
	const text = "Le bilan de Jean Dupont est désastreux."
	require.Equal(t, "ok", check(text), "Jean Dupont is not an opponent yet")

	bad := demo.ToneConfig + "  colistier: {attack: sometimes}\n"
	status, body := admin.post("/settings/tone", url.Values{"yaml": {bad}, "action": {"save"}})
	require.Equal(t, http.StatusBadRequest, status)
	requireSelectors(t, "tone error", body, "p#tone-error[role=alert]")
	msg := between(body, `id="tone-error">`, "</p>")
	require.Contains(t, msg, "profiles.colistier.attack")
	require.Contains(t, msg, fmt.Sprintf("Ligne %d", strings.Count(demo.ToneConfig, "\n")+1), "the line appended")

	rules := "opponents:\n  - name: Jean Dupont\n" + demo.ToneConfig[len("# Demo campaign tone rules (relais). Edit and reload from the settings page.\nopponents:\n"):]
	status, body = web.post("/settings/tone", url.Values{"yaml": {rules}, "action": {"validate"}})
	require.Equal(t, http.StatusOK, status, body)
	requireSelectors(t, "validated", body, "p#tone-ok")
	require.Equal(t, "ok", check(text), "validating does not reload")
	status, _ = web.post("/settings/tone", url.Values{"yaml": {rules}, "action": {"save"}})
	require.Equal(t, http.StatusForbidden, status, "only an admin saves the rules")

	status, body = admin.post("/settings/tone", url.Values{"yaml": {rules}, "action": {"save"}})
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, "Règles enregistrées et rechargées")
	require.Equal(t, "warn", check(text), "the running checker has the new opponent")
	saved, err := os.ReadFile(filepath.Join(tm.env.DataDir, "tone.yaml"))
	require.NoError(t, err)
	require.Equal(t, rules, string(saved))
	_, body = admin.get("/settings/tone")
	require.Contains(t, body, "- name: Jean Dupont")
	require.Contains(t, body, `name="name" type="text" value="Jean Dupont"`, "the opponent is a row of the list")
}

// between returns the text of s between the first from and the next to.
func between(s, from, to string) string {
	_, after, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	in, _, _ := strings.Cut(after, to)
	return in
}
