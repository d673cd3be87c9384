package main

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSettingsToneLists edits the tone rules as lists: a bad handle and a
// nameless row are refused with their fields named in the page's
// language and what was typed kept; a good list is saved, keeps the rest
// of the file and reloads the checker; a profile's choice is saved the
// same way.
func TestSettingsToneLists(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	admin := tm.signIn(t, "admin@demo.relais.fr")
	tok := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	check := func(text, profile string) string {
		var out struct{ Verdict string }
		require.Equal(t, http.StatusOK, tm.call(tok, "POST", "/api/tone/check", map[string]string{"text": text, "profile": profile}, &out))
		return out.Verdict
	}
	const text = "Le bilan de Jean Dupont est désastreux."
	require.Equal(t, "ok", check(text, "campaign"))

	bad := url.Values{"list": {"opponents"}, "name": {"Bernard Lacombe", "", "Jean Dupont"},
		"aliases": {"Lacombe", "Sans Nom", "Dupont"}, "handles": {"@blacombe", "", "jdupont"}}
	msgs := map[string][]string{
		"fr": {"Nom : obligatoire", "Comptes (@…, séparés par des virgules) : « jdupont » doit commencer par @, sans espace"},
		"en": {"Name: required", "Handles (@…, comma-separated): “jdupont” must start with @, without spaces"},
	}
	for _, lang := range []string{"fr", "en"} {
		status, body := admin.post("/settings/tone/people?lang="+lang, bad)
		require.Equal(t, http.StatusBadRequest, status, body)
		text := html.UnescapeString(body)
		for _, m := range msgs[lang] {
			require.Contains(t, text, m, lang)
		}
		require.Contains(t, body, `value="jdupont"`, "what was typed is kept")
		require.Contains(t, body, `value="Sans Nom"`, "what was typed is kept")
		requirePure(t, "tone lists error", lang, body)
	}
	good := url.Values{"list": {"opponents"}, "name": {"Bernard Lacombe", "Jean Dupont"},
		"aliases": {"Lacombe", "Dupont, J. Dupont"}, "handles": {"@blacombe", "@jdupont"}}
	status, body := admin.post("/settings/tone/people?lang=fr", good)
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, "Règles enregistrées et rechargées")
	require.Equal(t, "warn", check(text, "campaign"), "the running checker knows the new opponent")
	saved, err := os.ReadFile(filepath.Join(tm.env.DataDir, "tone.yaml"))
	require.NoError(t, err)
	require.Contains(t, string(saved), "Jean Dupont")
	require.Contains(t, string(saved), "'@jdupont'")
	require.NotContains(t, string(saved), "Sophie Tolliver", "the list replaces the opponents")
	require.Contains(t, string(saved), "Claire Morel", "the other lists stay")

	status, body = admin.post("/settings/tone/profiles?lang=en", url.Values{"sev.campaign.attack": {"sometimes"}})
	require.Equal(t, http.StatusBadRequest, status)
	require.Contains(t, html.UnescapeString(body), "campaign · Attack: “sometimes” is not a choice")
	status, _ = admin.post("/settings/tone/profiles", url.Values{"sev.campaign.negative": {"off"}})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "ok", check(text, "campaign"), "negative is off for campaign")
	require.Equal(t, "block", check(text, "candidate"), "the other profiles keep their choices")
}

// TestSettingsFormErrors: the members, rounds and slots forms refuse bad
// input with the field named in the page's language and keep what was
// typed; the invitation's role defaults to the least privileged.
func TestSettingsFormErrors(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	admin := tm.signIn(t, "admin@demo.relais.fr")
	_, body := admin.get("/settings/members?lang=fr")
	require.Regexp(t, `<select id="inv-role" name="role"[^>]*>(<option value="[a-z_]+">[^<]*</option>)*<option value="colistier" selected>`, body)
	want := map[string]map[string]string{
		"fr": {"invite": "Adresse e-mail : ", "round": "Jour du vote : ", "slots": "Heures : "},
		"en": {"invite": "E-mail address: ", "round": "Voting day: ", "slots": "Times: "},
	}
	for _, lang := range []string{"fr", "en"} {
		status, body := admin.post("/settings/members/invite?lang="+lang, url.Values{"email": {"pas-une-adresse"}, "name": {"Nina Martin"}, "role": {"colistier"}})
		require.Equal(t, http.StatusBadRequest, status, body)
		requireFieldError(t, body, want[lang]["invite"])
		require.Contains(t, body, `value="pas-une-adresse"`)
		require.Contains(t, body, `value="Nina Martin"`)
		requirePure(t, "invite error", lang, body)

		status, body = admin.post("/settings/rounds?lang="+lang, url.Values{"name": {"Second tour"}, "day": {"bientôt"}})
		require.Equal(t, http.StatusBadRequest, status, body)
		requireFieldError(t, body, want[lang]["round"])
		require.Contains(t, body, `value="Second tour"`)
		requirePure(t, "round error", lang, body)

		status, body = admin.post(fmt.Sprintf("/settings/slots/%d?lang=%s", 1, lang), url.Values{"weekdays": {"2"}, "times": {""}})
		require.Equal(t, http.StatusBadRequest, status, body)
		requireFieldError(t, body, want[lang]["slots"])
		require.Contains(t, body, `name="weekdays" value="2" checked`, "the ticked day is kept")
		requirePure(t, "slots error", lang, body)
	}
	status, body := admin.post("/settings/members/invite?lang=fr", url.Values{"email": {"nina@example.org"}, "name": {"Nina Martin"}, "role": {"colistier"}, "lang": {"en"}})
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, "/invite/", "without a mail server the link is shown")
}

// requireFieldError fails unless page shows a field error starting with
// prefix.
func requireFieldError(t *testing.T, page, prefix string) {
	t.Helper()
	require.Contains(t, html.UnescapeString(page), `<p class="field-error" role="alert">`+prefix)
}

// TestSettingsAccountProfileNamed: an account card names its tone profile
// in the page's language, as the menu below it does, not by its code.
func TestSettingsAccountProfileNamed(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	admin := tm.signIn(t, "admin@demo.relais.fr")
	status, body := admin.get("/settings/accounts?lang=fr")
	require.Equal(t, http.StatusOK, status)
	text := html.UnescapeString(body)
	require.Contains(t, text, "profil de ton campagne")
	require.NotContains(t, text, "profil de ton campaign")
	require.Contains(t, text, "profil de ton colistier·e ·")
}
