package ui

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/approval/tone"
)

// TestToneErrorsNeverGeneric: each way a rules file can be refused,
// including through a lexicon file it names, reads as its own sentence
// in both languages, never the generic "value refused".
func TestToneErrorsNeverGeneric(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"weight.txt": "injuste~9\n", "kind.txt": "honte/q\n", "empty.txt": "~2\n"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	lexFile := func(name string) string {
		return "lexicon_files:\n  - {lang: fr, section: attack, path: " + filepath.Join(dir, name) + "}\n"
	}
	cases := []string{
		"opponents: [", "opponents: 3", "opponents:\n  - {aliases: [x]}", "opponents:\n  - {name: \"!!\"}", "profiles:\n  campaign: {attaque: warn}",
		"profiles:\n  campaign: {attack: parfois}", "profiles:\n  campaign: {style: block}", "lexicons:\n  de: {}", "lexicons:\n  fr: {insultes: [x]}",
		"lexicons:\n  fr: {attack: [\"injuste~9\"]}", "lexicons:\n  fr: {attack: [\"honte/q\"]}", "couleur: bleu", "- a\n- b",
		lexFile("weight.txt"), lexFile("kind.txt"), lexFile("missing.txt"), lexFile("empty.txt"),
		"lexicon_files:\n  - {lang: fr, section: attack}", "lexicon_files:\n  - {lang: xx, section: attack, path: a.txt}",
	}
	for _, y := range cases {
		_, err := tone.ParseConfig([]byte(y))
		var ce *tone.ConfigError
		require.True(t, errors.As(err, &ce), "%q: %v", y, err)
		for _, lang := range []string{"fr", "en"} {
			msg := Page{Lang: lang}.ToneMsg(ce)
			require.NotEqual(t, messages["tone_err.other"][0], msg, "%q (%s): %s", y, lang, ce.Msg)
			require.NotEqual(t, messages["tone_err.other"][1], msg, "%q (%s): %s", y, lang, ce.Msg)
		}
	}
	ce := &tone.ConfigError{Msg: `/srv/lex/fr.txt:3: bad weight "9" in "injuste~9" (want a number in (0, 5])`}
	require.Equal(t, `/srv/lex/fr.txt, ligne 3 : poids "9" incorrect dans "injuste~9" (un nombre entre 0 et 5 est attendu)`, Page{Lang: "fr"}.ToneMsg(ce))
	require.Equal(t, `/srv/lex/fr.txt, line 3: bad weight "9" in "injuste~9" (a number between 0 and 5 is expected)`, Page{Lang: "en"}.ToneMsg(ce))
}
