package ui

import (
	"errors"
	"github.com/relais/relais/i18n"
	"io/fs"
	"net/http/httptest"
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// TestCatalogueComplete fails on a catalogue entry missing in one language
// and on a key a template asks for that the catalogue lacks.
func TestCatalogueComplete(t *testing.T) {
	for k, v := range messages {
		require.NotEmpty(t, v[0], "%s has no French", k)
		require.NotEmpty(t, v[1], "%s has no English", k)
	}
	re := regexp.MustCompile(`\.T "([a-z_.A-Z0-9]+)"`)
	err := fs.WalkDir(templateFS, "templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := templateFS.ReadFile(path)
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			_, ok := messages[m[1]]
			require.True(t, ok, "%s asks for %q, missing from the catalogue", path, m[1])
		}
		return err
	})
	require.NoError(t, err)
	for _, st := range []relais.PostState{relais.PostDraft, relais.PostInReview, relais.PostChangesRequested, relais.PostApproved,
		relais.PostScheduled, relais.PostPublishing, relais.PostPublished, relais.PostPartiallyPublished, relais.PostFailed,
		relais.PostOutcomeUnknown, relais.PostCancelled, relais.PostRejected, relais.PostExpired, relais.PostDeleted} {
		_, ok := messages["state."+string(st)]
		require.True(t, ok, "state %s has no name", st)
	}
	for _, r := range detailRules {
		_, ok := messages[r.key]
		require.True(t, ok, r.key)
	}
}

// TestRoutingReasonsTranslated fails when approval.route stores a reason
// that is not a catalogue key, and checks that each reader reads reasons
// (stored as keys, or as older rows' French sentences) in her language.
func TestRoutingReasonsTranslated(t *testing.T) {
	src, err := os.ReadFile("../approval/routing.go")
	require.NoError(t, err)
	found := regexp.MustCompile(`i18n\.(Reason\w+)`).FindAllStringSubmatch(string(src), -1)
	require.Len(t, found, 8, "every reason route writes is a catalogue key")
	require.NotRegexp(t, `"(sensible|routine|hors compte|rédigé)`, string(src), "no reason is written as a sentence")
	for _, k := range []string{i18n.ReasonMarked, i18n.ReasonOpponent, i18n.ReasonPledge, i18n.ReasonFigures, i18n.ReasonTone,
		i18n.ReasonByCandidate, i18n.ReasonRoutine, i18n.ReasonNotCandidate} {
		_, ok := messages[k]
		require.True(t, ok, k)
	}
	en, fr := Page{Lang: "en"}, Page{Lang: "fr"}
	rs := []string{i18n.ReasonOpponent, i18n.ReasonRoutine}
	require.Equal(t, "sensitive: names an opponent, routine: approved by a web lead", en.Reasons(rs))
	require.Equal(t, "sensible : cite un adversaire, routine : validation par un·e responsable web", fr.Reasons(rs))
	legacy := []string{"sensible : cite un adversaire", "routine : validation par un·e responsable web"}
	require.Equal(t, en.Reasons(rs), en.Reasons(legacy), "an older row's French sentences still render per reader")
	require.Equal(t, "autre raison", en.Reason("autre raison"), "an unknown reason is shown as stored")
}

// TestHistoryCodedPerReader: a history entry stored as a code with
// parameters renders in each reader's language, parameters included.
func TestHistoryCodedPerReader(t *testing.T) {
	en, fr := Page{Lang: "en"}, Page{Lang: "fr"}
	routing := i18n.Code("history.routing", "approver", "candidate")
	require.Equal(t, "@history.routing?approver=candidate", routing)
	require.Equal(t, "approval by the candidate", en.Detail(routing))
	require.Equal(t, "validation par la candidate", fr.Detail(routing))
	voided := i18n.Code("history.edit_voided", "hash", "b0a1e1172769")
	require.Equal(t, "content changed; approval voided, back to review", en.Detail(voided), "no hash: people do not read one")
	require.Equal(t, "contenu modifié ; approbation annulée, retour en validation", fr.Detail(voided))
	edit := i18n.Code("history.edit", "hash", "bd2ad2345d3e")
	require.Equal(t, "content changed", en.Detail(edit))
	require.Equal(t, "contenu modifié", fr.Detail(edit))
	step := i18n.Code("history.second_step", "names", "Anne & Léa")
	require.Equal(t, "seconde validation attendue : Anne & Léa", fr.Detail(step))
	require.Equal(t, "@nope?x=1", en.Detail("@nope?x=1"), "an unknown code is shown as stored")
}

func TestHistoryDetailPerReader(t *testing.T) {
	en, fr := Page{Lang: "en"}, Page{Lang: "fr"}
	require.Equal(t, "validation par l'équipe web", fr.Detail("routing: editor"))
	require.Equal(t, "approval by the candidate", en.Detail("routing: candidate"))
	require.Equal(t, "contenu modifié ; approbation annulée, retour en validation",
		fr.Detail("content changed from b0a1e1172769; approval voided, back to review"))
	require.Equal(t, "content changed", en.Detail("content changed from b0a1e1172769"))
	require.Equal(t, "état précédent : brouillon", fr.Detail("was draft"))
	require.Equal(t, "déplacé du 14/03/2027 09:00 au 15/03/2027 10:30",
		fr.Detail("moved from 2027-03-14T08:00:00Z to 2027-03-15T09:30:00Z"))
	require.Equal(t, "scheduled for Sun 14 Mar 2027 09:00; tone warnings acknowledged",
		en.Detail("scheduled 2027-03-14T08:00:00Z; tone warnings acknowledged"))
	require.Equal(t, "tone verdict x: ok", en.Detail("tone verdict x: ok"), "unknown shapes are shown as stored")
}

// TestAPIErrorInRequestLanguage: an error with a catalogue key is written
// in the caller's language (?lang, cookie, member, Accept-Language) with
// its code, field and parameters.
func TestAPIErrorInRequestLanguage(t *testing.T) {
	s := New(Config{})
	until := time.Date(2027, 3, 14, 19, 0, 0, 0, time.UTC)
	err := (relais.Blackout{Rounds: []relais.ElectionRound{{Day: "2027-03-14", PollsClose: "20:00"}}}).Refuse(until.Add(-time.Hour))
	for _, c := range []struct {
		url, cookie, accept, member, want string
	}{
		{"/api/posts?lang=en", "", "fr", "fr", "nothing may be published before Sun 14 Mar 2027 20:00"},
		{"/api/posts", "en", "fr", "fr", "nothing may be published before"},
		{"/api/posts", "", "fr-FR", "en", "nothing may be published before"},
		{"/api/posts", "", "en-GB,en;q=0.8", "", "nothing may be published before"},
		{"/api/posts", "", "", "", "rien ne peut être publié avant le 14/03/2027 20:00"},
	} {
		r := httptest.NewRequest("POST", c.url, nil)
		if c.cookie != "" {
			r.Header.Set("Cookie", "relais_lang="+c.cookie)
		}
		r.Header.Set("Accept-Language", c.accept)
		if c.member != "" {
			r = r.WithContext(relais.NewContextWithMember(r.Context(), &relais.Member{Lang: c.member}))
		}
		w := httptest.NewRecorder()
		s.apiError(w, r, err)
		require.Equal(t, 422, w.Code)
		require.Contains(t, w.Body.String(), c.want, "%+v", c)
		require.Contains(t, w.Body.String(), `"code":"blackout"`)
		require.Contains(t, w.Body.String(), `"field":"scheduled_at"`)
		require.Contains(t, w.Body.String(), `"params":{"until":"2027-03-14T19:00:00Z"}`)
	}
	w := httptest.NewRecorder()
	s.apiError(w, httptest.NewRequest("GET", "/api/posts?lang=en", nil), errors.New("db down"))
	require.Contains(t, w.Body.String(), `"message":"Internal error."`, "nothing internal leaks")
}

func TestPageErrorTextPerReader(t *testing.T) {
	forbidden := relais.Errorf(relais.EFORBIDDEN, "Your role (colistier) may not open the settings.")
	require.Equal(t, "Votre rôle ne permet pas cette action.", pageErrorText("fr", relais.DefaultLocation(), forbidden))
	require.Equal(t, "Your role (running mate) may not open the settings.", pageErrorText("en", relais.DefaultLocation(), forbidden))
	noText := relais.FieldErrorf("text", "Text is required.")
	require.Equal(t, "Texte : valeur refusée, vérifiez ce champ.", pageErrorText("fr", relais.DefaultLocation(), noText))
	require.Equal(t, "Text: Text is required.", pageErrorText("en", relais.DefaultLocation(), noText))
}

// TestPluralPerReader: counts shown on pages take their language's plural
// form (French: 0 and 1 singular; English: 1 only).
func TestPluralPerReader(t *testing.T) {
	fr, en := Page{Lang: "fr"}, Page{Lang: "en"}
	require.Equal(t, "0 créneau", fr.TN("count.slots", 0))
	require.Equal(t, "1 créneau", fr.TN("count.slots", 1))
	require.Equal(t, "2 créneaux", fr.TN("count.slots", 2))
	require.Equal(t, "0 slots", en.TN("count.slots", 0))
	require.Equal(t, "1 slot", en.TN("count.slots", 1))
	require.Equal(t, "1 partagée cette semaine", "1 "+fr.TN("inbox.shared_week", 1))
	require.Equal(t, "3 partagées cette semaine", "3 "+fr.TN("inbox.shared_week", 3))
	require.Equal(t, "21 members", en.TN("count.members", 21))
}

// TestHistoryEveryCodePerReader renders every history code the services
// write, with the parameters they write, in both languages: no raw code,
// placeholder or English state, verdict or time on a French line (nor
// French on an English one), and the two languages differ.
func TestHistoryEveryCodePerReader(t *testing.T) {
	at, to := "2027-03-14T08:00:00Z", "2027-03-15T09:30:00Z"
	codes := []string{
		i18n.Code("history.scheduled", "at", at), i18n.Code("history.scheduled_ack", "at", at),
		i18n.Code("history.moved", "from", "unscheduled", "to", to), i18n.Code("history.moved_voided", "from", at, "to", to),
		i18n.Code("history.moved_renewed", "from", at, "to", to), i18n.Code("history.override", "verdict", "block", "reason", "vu"),
		i18n.Code("history.cancel", "reason", "doublon"), i18n.Code("history.expire"), i18n.Code("history.was", "state", "changes_requested"),
		i18n.Code("history.rereview", "verdict", "warn", "state", "in_review"), i18n.Code("history.comment", "id", "3", "text", "Ok"),
		i18n.Code("history.decision", "text", "Bien"), i18n.Code("history.resolved", "account", "2", "state", "published", "url", "https://x.com/a/status/1"),
		i18n.Code("history.resolved_note", "account", "2", "state", "failed", "url", "", "note", "vu"),
		i18n.Code("history.recurrence", "id", "4", "spec", "weekly", "tz", "Europe/Paris", "next", at),
		i18n.Code("history.recurrence_stop", "id", "4"), i18n.Code("history.recurrence_changed", "id", "4"),
		i18n.Code("history.recur", "id", "4", "post", "9", "at", at), i18n.Code("history.delivery", "account", "2", "state", "published", "url", ""),
		i18n.Code("history.delivery_error", "account", "2", "state", "failed", "url", "", "error", "HTTP 500"),
		i18n.Code("history.fan_out", "n", "1"), i18n.Code("history.fan_out", "n", "3"),
		i18n.Code("history.variant_sent", "id", "1", "variant", "A", "n", "40"), i18n.Code("history.event", "slug", "marche-11e"),
	}
	english := regexp.MustCompile(`\b(scheduled|moved|block|warn|in_review|changes_requested|published|failed|unscheduled|overridden|voided|T08:00)\b`)
	french := regexp.MustCompile(`\b(programmé|déplacé|bloqué|avertissement|brouillon|publié|échec|sans date|levé|annulée|motif|compte)\b|«`)
	for _, c := range codes {
		en, fr := Page{Lang: "en"}.Detail(c), Page{Lang: "fr"}.Detail(c)
		for _, s := range []string{en, fr} {
			require.NotContains(t, s, "@", c)
			require.NotContains(t, s, "{", c)
			require.NotContains(t, s, "history.", c)
		}
		require.NotEqual(t, en, fr, c)
		require.False(t, english.MatchString(fr), "%s in French: %s", c, fr)
		require.False(t, french.MatchString(en), "%s in English: %s", c, en)
	}
	require.Equal(t, "1 delivery", Page{Lang: "en"}.Detail(i18n.Code("history.fan_out", "n", "1")))
	require.Equal(t, "3 diffusions", Page{Lang: "fr"}.Detail(i18n.Code("history.fan_out", "n", "3")))
	require.Equal(t, "déplacé du sans date au 15/03/2027 10:30", Page{Lang: "fr"}.Detail(codes[2]))
	require.Equal(t, "tone verdict \u201cblocked\u201d overridden: vu", Page{Lang: "en"}.Detail(codes[5]))
}

// TestHistoryOldRowsStillRead: details older versions stored as English
// sentences still render in French.
func TestHistoryOldRowsStillRead(t *testing.T) {
	fr := Page{Lang: "fr"}
	require.Equal(t, "verdict de ton « bloqué » levé : vu", fr.Detail("tone verdict block overridden: vu"))
	require.Equal(t, "demande de validation expirée à l'heure prévue", fr.Detail("approval request expired at the scheduled time"))
	require.Equal(t, "profil de ton du compte modifié : verdict avertissement, retour à l'état en validation",
		fr.Detail("tone profile of account changed: verdict now warn; back to in_review"))
	require.Equal(t, "déplacé du sans date au 15/03/2027 10:30", fr.Detail("moved from unscheduled to 2027-03-15T09:30:00Z"))
}

// TestHistoryActorPerReader: a member's role in a history line is named
// in the reader's language, not as its code.
func TestHistoryActorPerReader(t *testing.T) {
	stored := "Léa Fontaine <cm@demo.relais.fr> (community_manager)"
	require.Equal(t, "Léa Fontaine (community manager)", Page{Lang: "en"}.Actor(stored))
	require.Equal(t, "Karim (responsable web)", Page{Lang: "fr"}.Actor("Karim <k@x.fr> (editor)"))
	require.Equal(t, "système", Page{Lang: "fr"}.Actor("system"))
}

// TestHistoryActorWithoutEmail: a reader who may not read e-mail
// addresses gets actors without them ("Name (role)"); the role is still
// named in her language, as for a reader who sees the address.
func TestHistoryActorWithoutEmail(t *testing.T) {
	require.Equal(t, "Léa Fontaine (community manager)", Page{Lang: "fr"}.Actor("Léa Fontaine (community_manager)"))
	require.Equal(t, "Karim (web lead)", Page{Lang: "en"}.Actor("Karim (editor)"))
}

// TestHistoryDeliveryOutcomeRead: a delivery's outcome, the demo's seeded
// entry and a delivery's stored error read in the reader's language,
// whether stored coded or as older English text.
func TestHistoryDeliveryOutcomeRead(t *testing.T) {
	fr, en := Page{Lang: "fr"}, Page{Lang: "en"}
	require.Equal(t, "publié", fr.Detail("published"))
	require.Equal(t, "issue inconnue", fr.Detail("outcome_unknown"))
	require.Equal(t, "démo : une diffusion dont l'issue est inconnue", fr.Detail("demo: a delivery whose outcome is unknown"))
	require.Equal(t, "démo : une diffusion dont l'issue est inconnue", fr.Detail(i18n.Code("history.demo_unknown")))
	require.Equal(t, "demo: a delivery whose outcome is unknown", en.Detail(i18n.Code("history.demo_unknown")))
	require.Equal(t, "exemple de démonstration", fr.TOr("audit.demo.seed", "demo.seed"))
	require.Equal(t, "délai dépassé en attendant la réponse de la plateforme", fr.DeliveryError("timeout waiting for the platform's answer"))
	require.Equal(t, "délai dépassé en attendant la réponse de la plateforme", fr.DeliveryError(i18n.Code("delivery.timeout")))
	require.Equal(t, "timeout waiting for the platform's answer", en.DeliveryError(i18n.Code("delivery.timeout")))
	require.Equal(t, "HTTP 503 from the platform", fr.DeliveryError("HTTP 503 from the platform"), "a platform's own message as it came")
}
