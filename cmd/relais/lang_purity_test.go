package main

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// Words that betray the other language on a page: interface words, none
// of which the demo's posts, names or handles contain.
var (
	frenchWords = []string{"Réglages", "Rédiger", "Calendrier", "Publications", "brouillon", "Programmé", "Modifier", "Supprimer",
		"Dupliquer", "Aucun", "Aucune", "Historique", "Envoyer", "Déplacer", "Semaine", "Aujourd'hui", "Commentaire",
		"Se déconnecter", "Connexion", "Erreur", "approuvé", "introuvable", "Introuvable", "Votre rôle", "valeur refusée",
		"modifications demandées", "Comptes", "Texte", "envoi en validation", "création", "validation par", "Taux de partage"}
	englishWords = []string{"Queue", "Compose", "Settings", "Sign out", "Submit", "Delete", "Duplicate", "Edit", "draft",
		"Share rate", "routing", "changed", "Week", "Month", "Today", "Not found", "not found", "Your role", "Internal error",
		"History", "Approve", "Reject", "published", "scheduled", "Invalid", "required", "Accounts", "Comment", "Tick at least",
		"content changed", "voided", "approval by", "Sign in"}
	tagRE    = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<textarea.*?</textarea>|<code>.*?</code>|<[^>]*>`)
	spacesRE = regexp.MustCompile(`\s+`)
	// frenchSpacing is a space before a colon, semicolon or percent sign,
	// or French quotes: right in French, wrong in English.
	// rawCode is a history code or a catalogue placeholder shown as
	// stored instead of rendered.
	rawCode       = regexp.MustCompile(`@(history|detail|audit|reason|approver|verdict|error|state)\.[a-z_.]+|\{[a-z_]+\}|\b(in_review|changes_requested|community_manager|outcome_unknown|post\.[a-z_]+)\b`)
	frenchSpacing = regexp.MustCompile(`[\p{L}\d][ \x{a0}][:;%]|«|»`)
)

// visibleText is a page's text as a reader sees it (no tags, no scripts,
// no form fields' typed content).
func visibleText(page string) string {
	return spacesRE.ReplaceAllString(html.UnescapeString(tagRE.ReplaceAllString(page, " ")), " ")
}

// requirePure fails when page, in lang, shows a word of the other language.
func requirePure(t *testing.T, what, lang, page string) {
	t.Helper()
	text, words := visibleText(page), frenchWords
	if lang == "fr" {
		words = englishWords
	}
	if loc := frenchSpacing.FindStringIndex(text); lang == "en" && loc != nil {
		t.Errorf("%s (en) uses French punctuation spacing: …%s…", what, text[max(0, loc[0]-60):min(len(text), loc[1]+60)])
	}
	if loc := rawCode.FindStringIndex(text); loc != nil {
		t.Errorf("%s (%s) shows a raw code: …%s…", what, lang, text[max(0, loc[0]-60):min(len(text), loc[1]+60)])
	}
	for _, w := range words {
		re := regexp.MustCompile(`(^|[^\p{L}])` + regexp.QuoteMeta(w) + `($|[^\p{L}])`)
		if loc := re.FindStringIndex(text); loc != nil {
			from, to := max(0, loc[0]-80), min(len(text), loc[1]+80)
			t.Errorf("%s (%s) shows %q: …%s…", what, lang, w, text[from:to])
		}
	}
}

// TestLanguagePurity walks every page and the error paths a person meets
// (a 404, a 403, a form error, a blackout refusal, a post with its
// history after the request-changes loop) in French and in English, and
// fails on a word of the other language.
func TestLanguagePurity(t *testing.T) {
	tm := mustRunDemo(t)
	web, cm := tm.signIn(t, "web@demo.relais.fr"), tm.signIn(t, "cm@demo.relais.fr")
	admin := tm.signIn(t, "admin@demo.relais.fr")
	col := tm.signIn(t, "colistier-11e@demo.relais.fr")
	id := purityFixture(t, tm)
	moved := movedFixture(t, tm)
	near := nearFixture(t, tm)
	pages := []struct {
		s    *session
		path string
	}{
		{web, "/"}, {web, "/compose"}, {web, "/calendar"}, {web, "/calendar?view=month"}, {web, "/map"}, {web, "/settings"},
		{web, "/districts/11e"}, {web, fmt.Sprintf("/posts/%d", id)}, {web, fmt.Sprintf("/posts/%d", moved)}, {cm, fmt.Sprintf("/posts/%d/edit", id)}, {cm, "/"},
		{web, "/posts/999999"}, {col, "/settings"}, {col, "/"}, {col, "/inbox"}, {col, "/map"},
		{admin, "/settings"}, {admin, "/settings/members"}, {admin, "/settings/accounts"}, {admin, "/settings/tone"},
		{admin, "/settings/slots"}, {admin, "/settings/rounds"}, {web, "/settings/members"}, {web, "/settings/tone"},
		{web, "/settings/accounts"}, {admin, "/settings/connect"}, {admin, "/settings/connect?reconnect=1"},
		{web, "/reports/weekly"}, {web, fmt.Sprintf("/calendar?ok=moved&moved=%d", near)}, {web, fmt.Sprintf("/?ok=moved&moved=%d", near)}, {cm, "/settings/slots"}, {cm, "/settings/tone"}, {col, "/settings/slots"},
	}
	for _, lang := range []string{"fr", "en"} {
		for _, p := range pages {
			sep := "?"
			if strings.Contains(p.path, "?") {
				sep = "&"
			}
			_, body := p.s.get(p.path + sep + "lang=" + lang)
			requirePure(t, p.path, lang, body)
		}
		_, body := web.get(fmt.Sprintf("/calendar?ok=moved&moved=%d&lang=%s", near, lang))
		require.Contains(t, body, map[string]string{"fr": "est déjà prévue", "en": "is already scheduled"}[lang], "the move's warning")
		_, body = admin.post("/settings/tone?lang="+lang, url.Values{"yaml": {"opponents: 3"}, "action": {"validate"}})
		requirePure(t, "tone rules refused", lang, body)
		require.Contains(t, body, map[string]string{"fr": "une liste de personnes est attendue", "en": "a list of people is expected"}[lang])
		_, body = web.get(fmt.Sprintf("/posts/%d?lang=%s", moved, lang))
		require.Contains(t, body, map[string]string{"fr": "déplacé du", "en": "moved from"}[lang])
		require.Contains(t, body, map[string]string{"fr": "motif : Doublon du tract", "en": "reason: Doublon du tract"}[lang])
		_, body = cm.post("/compose?lang="+lang, url.Values{"text": {"Réunion jeudi"}})
		requirePure(t, "compose without an account", lang, body)
		require.Contains(t, body, map[string]string{"fr": "Cochez au moins un compte", "en": "Tick at least one account"}[lang])
		day := time.Now().In(relais.DefaultLocation()).AddDate(0, 0, 30)
		_, body = cm.post("/compose?lang="+lang, url.Values{"text": {"Votez !"}, "target": {"1"}, "scheduled_at": {day.Format("2006-01-02") + "T10:00"}})
		requirePure(t, "compose in a blackout", lang, body)
		require.Contains(t, body, day.Format("02/01/2006")[:0]+map[string]string{"fr": "Réserve électorale", "en": "Electoral blackout"}[lang])
	}
}

// purityFixture declares a round 30 days ahead and runs one post through
// request changes, an edit and an approval, so that its page has routing
// reasons, decisions and a history; it returns the post's id.
func purityFixture(t *testing.T, tm *testMain) int64 {
	web := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	day := time.Now().In(relais.DefaultLocation()).AddDate(0, 0, 30)
	require.Equal(t, 201, tm.call(web, "POST", "/api/election-rounds", map[string]string{"name": "Premier tour", "day": day.Format("2006-01-02"), "polls_close": "20:00"}, nil))
	var p postJSON
	require.Equal(t, 201, tm.call(cm, "POST", "/api/posts", `{"text":"Réunion publique jeudi","targets":["@avecanne"]}`, &p))
	require.Equal(t, 200, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, 200, tm.call(web, "POST", fmt.Sprintf("/api/posts/%d/request-changes", p.ID), map[string]string{"comment": "Précisez l'heure"}, &p))
	require.Equal(t, 200, tm.call(cm, "PUT", fmt.Sprintf("/api/posts/%d", p.ID), `{"text":"Réunion publique jeudi à 19h","targets":["@avecanne"]}`, &p))
	require.Equal(t, 200, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	return p.ID
}

// movedFixture gives a post a history of a move, a tone re-check and a
// cancellation with a reason (entries stored as codes); it returns its id.
func movedFixture(t *testing.T, tm *testMain) int64 {
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	web := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	day := time.Now().In(relais.DefaultLocation()).AddDate(0, 0, 3).Truncate(time.Hour)
	var p postJSON
	body := fmt.Sprintf(`{"text":"Tractage samedi au marché","targets":["@avecanne"],"scheduled_at":%q}`, day.Format(time.RFC3339))
	require.Equal(t, 201, tm.call(cm, "POST", "/api/posts", body, &p))
	at := map[string]string{"scheduled_at": day.Add(26 * time.Hour).Format(time.RFC3339)}
	require.Equal(t, 200, tm.call(web, "POST", fmt.Sprintf("/api/posts/%d/reschedule", p.ID), at, &p))
	require.Equal(t, 200, tm.call(web, "POST", fmt.Sprintf("/api/posts/%d/cancel", p.ID), map[string]string{"reason": "Doublon du tract"}, &p))
	return p.ID
}

// nearFixture plans two posts five minutes apart on the campaign's X
// account and returns the second (its move warns of the first).
func nearFixture(t *testing.T, tm *testMain) int64 {
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	at := time.Now().In(relais.DefaultLocation()).AddDate(0, 0, 4).Truncate(time.Hour)
	var p postJSON
	for _, when := range []time.Time{at, at.Add(5 * time.Minute)} {
		body := fmt.Sprintf(`{"text":"Porte-à-porte","targets":["@avecanne"],"scheduled_at":%q}`, when.Format(time.RFC3339))
		require.Equal(t, 201, tm.call(cm, "POST", "/api/posts", body, &p))
	}
	return p.ID
}

// TestLanguagePurityUnknownOutcome: the demo's post whose delivery timed
// out reads in the page's language: the delivery's error and the demo's
// own history entry.
func TestLanguagePurityUnknownOutcome(t *testing.T) {
	t.Parallel()
	tm := mustRunDemoWith(t, func(m *Main) { m.Demo = true })
	web := tm.signIn(t, "web@demo.relais.fr")
	tok := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	var id int64
	require.Eventually(t, func() bool {
		var ps struct {
			Posts []struct {
				ID int64 `json:"id"`
			} `json:"posts"`
		}
		require.Equal(t, 200, tm.call(tok, "GET", "/api/posts?state=outcome_unknown", nil, &ps))
		if len(ps.Posts) > 0 {
			id = ps.Posts[0].ID
		}
		return id != 0
	}, 20*time.Second, 100*time.Millisecond, "the demo seeds a post whose outcome is unknown")
	want := map[string][]string{
		"fr": {"délai dépassé en attendant la réponse de la plateforme", "exemple de démonstration — système — démo : une diffusion dont l'issue est inconnue"},
		"en": {"timeout waiting for the platform's answer", "demo example — system — demo: a delivery whose outcome is unknown"},
	}
	for lang, texts := range want {
		_, body := web.get(fmt.Sprintf("/posts/%d?lang=%s", id, lang))
		requirePure(t, "post with an unknown outcome", lang, body)
		for _, s := range texts {
			require.Contains(t, visibleText(body), s, lang)
		}
	}
}
