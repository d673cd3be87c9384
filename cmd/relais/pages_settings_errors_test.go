package main

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// settingsBadInput is one refused settings form: what is posted, the
// status, the field's error word for word in each language and what
// was typed that the page must show again.
type settingsBadInput struct {
	path   string
	form   url.Values
	status int
	fr, en string
	kept   []string
}

// settingsTopOnly are the forms whose error names no field (the last
// admin): it shows at the top only.
var settingsTopOnly = map[string]bool{"/settings/members/1": true}

// settingsBadInputs are the demo's settings forms with bad input:
// members (invite, role, password, the last admin), accounts (tone
// profile, credentials, second approver), slots and election rounds.
var settingsBadInputs = []settingsBadInput{
	{"/settings/members/invite", url.Values{"email": {"pas-une-adresse"}, "name": {"Nina Martin"}, "role": {"colistier"}}, http.StatusBadRequest,
		"Adresse e-mail : « pas-une-adresse » n'est pas une adresse (il manque @).", "E-mail address: “pas-une-adresse” is not an address (no @).",
		[]string{`value="pas-une-adresse"`, `value="Nina Martin"`}},
	{"/settings/members/invite", url.Values{"email": {"jean.dupont@exemple"}, "name": {"Jean Dupont"}, "role": {"colistier"}}, http.StatusBadRequest,
		"Adresse e-mail : « jean.dupont@exemple » n'a pas de domaine complet (par ex. exemple.fr).", "E-mail address: “jean.dupont@exemple” has no full domain (e.g. example.org).",
		[]string{`value="jean.dupont@exemple"`, `value="Jean Dupont"`}},
	{"/settings/members/invite", url.Values{"email": {"nina@example.org"}, "name": {" "}, "role": {"colistier"}}, http.StatusBadRequest,
		"Nom : obligatoire, indiquez le nom de la personne.", "Name: required, give the person's name.", []string{`value="nina@example.org"`}},
	{"/settings/members/invite", url.Values{"email": {"anne@demo.relais.fr"}, "name": {"Anne bis"}, "role": {"editor"}}, http.StatusConflict,
		"Adresse e-mail : anne@demo.relais.fr est déjà celle d'un membre.", "E-mail address: anne@demo.relais.fr already belongs to a member.",
		[]string{`value="Anne bis"`, `<option value="editor" selected>`}},
	{"/settings/members/4", url.Values{"action": {"role"}, "role": {"chef"}}, http.StatusBadRequest,
		"Rôle : « chef » n'est pas un rôle, choisissez-en un dans la liste.", "Role: “chef” is not a role, choose one from the list.", nil},
	{"/settings/members/4", url.Values{"action": {"password"}, "password": {"court"}}, http.StatusBadRequest,
		"Mot de passe : 10 caractères au moins.", "Password: at least 10 characters.", []string{`<details class="member-pw" open>`}},
	{"/settings/members/1", url.Values{"action": {"role"}, "role": {"editor"}}, http.StatusConflict,
		"C'est le dernier compte admin actif : nommez d'abord un autre admin.", "This is the last active admin: make someone else admin first.", nil},
	{"/settings/accounts/1", url.Values{"tone_profile": {"candidate"}, "credentials": {`{"access_token": ""}`}}, http.StatusBadRequest,
		"Nouveaux identifiants : chaque clé et chaque valeur doivent être remplies.", "New credentials: every key and every value must be filled in.",
		[]string{`{&#34;access_token&#34;: &#34;&#34;}</textarea>`}},
	{"/settings/accounts/1", url.Values{"tone_profile": {"candidate"}, "credentials": {`access_token=abc`}}, http.StatusBadRequest,
		"Nouveaux identifiants : collez un objet JSON de chaînes.", "New credentials: paste a JSON object of strings.", []string{`access_token=abc</textarea>`}},
	{"/settings/accounts/1/approver", url.Values{"member_id": {"quelqu'un"}}, http.StatusBadRequest,
		"Seconde validation : choisissez un membre dans la liste.", "Second approval: choose a member from the list.", nil},
	{"/settings/accounts/1/approver", url.Values{"member_id": {"4"}}, http.StatusBadRequest,
		"Seconde validation : le rôle de Léa Fontaine (community manager) ne permet pas de valider.", "Second approval: Léa Fontaine's role (community manager) may not approve posts.", nil},
	{"/settings/slots/1", url.Values{"weekdays": {"1"}, "times": {"08:30, 8h30"}}, http.StatusBadRequest,
		"Heures : « 8h30 » n'est pas une heure (HH:MM, par ex. 08:30).", "Times: “8h30” is not a time (HH:MM, e.g. 08:30).",
		[]string{`value="08:30, 8h30"`, `name="weekdays" value="1" checked`}},
	{"/settings/slots/1", url.Values{"times": {"09:15"}}, http.StatusBadRequest,
		"Jours : cochez au moins un jour.", "Days: tick at least one day.", []string{`value="09:15"`}},
	{"/settings/rounds", url.Values{"name": {"Second tour"}, "day": {"bientôt"}, "polls_close": {"20:00"}}, http.StatusBadRequest,
		"Jour du vote : « bientôt » n'est pas une date (jj/mm/aaaa).", "Voting day: “bientôt” is not a date (yyyy-mm-dd).", []string{`value="Second tour"`}},
	{"/settings/rounds", url.Values{"name": {"Ancien tour"}, "day": {"2020-03-15"}, "polls_close": {"20:00"}}, http.StatusBadRequest,
		"Jour du vote : le tour du 15/03/2020 est passé.", "Voting day: the round of Sun 15 Mar 2020 is over.", []string{`value="Ancien tour"`, `value="2020-03-15"`}},
	{"/settings/rounds", url.Values{"name": {"Second tour"}, "day": {"2030-03-22"}, "polls_close": {"20h"}}, http.StatusBadRequest,
		"Fermeture des bureaux de vote : « 20h » n'est pas une heure (HH:MM).", "Polls close: “20h” is not a time (HH:MM).", []string{`value="20h"`}},
}

// TestSettingsErrorsWordForWord posts every settings form with bad input
// in French and English: the page answers the form's error word for word
// beside its field and at the top, in the page's language only, never
// the generic "value refused", and shows again what was typed.
func TestSettingsErrorsWordForWord(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	admin := tm.signIn(t, "admin@demo.relais.fr")
	for _, c := range settingsBadInputs {
		for _, lang := range []string{"fr", "en"} {
			want := map[string]string{"fr": c.fr, "en": c.en}[lang]
			status, body := admin.post(c.path+"?lang="+lang, c.form)
			text := html.UnescapeString(body)
			alerts := regexp.MustCompile(`<p class="[a-z-]*error" role="alert">[^<]*</p>`).FindAllString(text, -1)
			require.Equal(t, c.status, status, "%s %v: %q", c.path, c.form, alerts)
			require.Contains(t, alerts, `<p class="error" role="alert">`+want+`</p>`, "%s %v in %s: at the top", c.path, c.form, lang)
			if !settingsTopOnly[c.path] {
				require.Contains(t, alerts, `<p class="field-error" role="alert">`+want+`</p>`, "%s %v in %s: beside its field", c.path, c.form, lang)
			}
			require.NotContains(t, text, "valeur refusée")
			require.NotContains(t, strings.ToLower(text), "value refused")
			for _, k := range c.kept {
				require.Contains(t, body, k, "%s %v in %s: what was typed is kept", c.path, c.form, lang)
			}
			requirePure(t, c.path+" error", lang, body)
		}
	}
}
