package ui

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/i18n"
)

// TestHistoryExperimentOutcomePerReader: an A/B test's decision and its
// winner's sending read in the reader's language, the outcome (stored
// as the English reason) included, the p-value with the reader's decimal
// mark; a decision older versions stored as an English sentence too; the
// entries' action names are the catalogue's, not codes.
func TestHistoryExperimentOutcomePerReader(t *testing.T) {
	fr, en := Page{Lang: "fr"}, Page{Lang: "en"}
	sent := i18n.Code("history.winner_sent", "id", "3", "variant", "B", "p", "0.0123", "outcome", "significant at 95 %", "n", "40")
	require.Equal(t, "test A/B n° 3 : variante B (p = 0,0123, différence significative à 95 %) envoyée à 40 destinataires de plus", fr.Detail(sent))
	require.Equal(t, "A/B test #3: variant B (p = 0.0123, significant at 95%) sent to 40 more recipients", en.Detail(sent))

	decided := i18n.Code("history.decided", "id", "3", "variant", "A", "outcome", "no difference: fewer than 30 successes overall",
		"p", "0.41", "counts", "A 4/40, B 6/40")
	require.Equal(t, "test A/B n° 3 : variante A retenue (pas de différence : moins de 30 succès au total, p = 0,41) ; succès par variante : A 4/40, B 6/40", fr.Detail(decided))
	require.Equal(t, "A/B test #3: variant A chosen (no difference: fewer than 30 successes overall, p = 0.41); successes per variant: A 4/40, B 6/40", en.Detail(decided))

	old := "experiment 3: winner B (no difference: not significant at 95 %), p=0.2, successes/n per variant A 10/40 B 14/40"
	require.Equal(t, "test A/B n° 3 : variante B retenue (pas de différence : non significatif à 95 %, p = 0,2) ; succès par variante : A 10/40 B 14/40", fr.Detail(old))

	for action, want := range map[string]string{"experiment.decided": "test A/B tranché", "experiment.winner_sent": "gagnante envoyée",
		"experiment.variant_sent": "variante envoyée", "experiment.created": "test A/B créé", "post.recur": "occurrence d'une répétition"} {
		require.Equal(t, want, fr.TOr("audit."+action, action))
		require.NotEqual(t, action, en.TOr("audit."+action, action))
	}
}

// TestHistoryExperimentCreatedPerReader: an A/B test's creation reads in
// the reader's language, its audience, metric and delay named for her.
func TestHistoryExperimentCreatedPerReader(t *testing.T) {
	c := i18n.Code("history.experiment_created", "id", "1", "variants", "2", "audience", "colistiers", "sample", "12.5",
		"recipients", "100", "metric", "clicks", "after", "2h30m0s")
	require.Equal(t, "test A/B n° 1 : 2 variantes, colistiers, échantillon de 12,5 % (100 destinataires), mesure : clics, décision après 2 h 30", Page{Lang: "fr"}.Detail(c))
	require.Equal(t, "A/B test #1: 2 variants, running mates, sample of 12.5% (100 recipients), metric: clicks, decided after 2 h 30", Page{Lang: "en"}.Detail(c))
}

// TestHistoryNamesAccounts: a delivery's history line names its account
// by platform and handle, falls back to its number only when the account
// is gone (or hidden from the reader), and reads a coded delivery error
// in the reader's language.
func TestHistoryNamesAccounts(t *testing.T) {
	accounts := map[int64]string{4: "Bluesky @anne.example"}
	fr, en := Page{Lang: "fr", accounts: accounts}, Page{Lang: "en", accounts: accounts}
	ok := i18n.Code("history.delivery", "account", "4", "state", "published", "url", "https://bsky.app/profile/anne.example/post/1")
	require.Equal(t, "Bluesky @anne.example : publié https://bsky.app/profile/anne.example/post/1", fr.Detail(ok))
	require.Equal(t, "Bluesky @anne.example: published https://bsky.app/profile/anne.example/post/1", en.Detail(ok))
	gone := i18n.Code("history.delivery_error", "account", "9", "state", "outcome_unknown", "url", "", "error", i18n.Code("delivery.timeout"))
	require.Equal(t, "compte n° 9 : issue inconnue (délai dépassé en attendant la réponse de la plateforme)", fr.Detail(gone))
	require.Equal(t, "account #9: outcome unknown (timeout waiting for the platform's answer)", en.Detail(gone))
	hand := i18n.Code("history.resolved_note", "account", "4", "state", "failed", "url", "", "note", "vu")
	require.Equal(t, "Bluesky @anne.example : échec à la main — vu", fr.Detail(hand))
}
