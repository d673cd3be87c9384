package langdetect

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDetect(t *testing.T) {
	for text, want := range map[string]string{
		"Réunion publique jeudi à 19h au gymnase Japy":                         French,
		"Merci aux 120 bénévoles mobilisés ce week-end dans les 17 secteurs !": French,
		"Rendez-vous demain au forum des associations du 11e.":                 French,
		"Marché d'Aligre dimanche matin":                                       French,
		"Join us tomorrow night for a public meeting with Anne Valois.":        English,
		"Thank you to all the volunteers who came this weekend!":               English,
		"We will open school playgrounds on weekends in every district.":       English,
		"Anne Valois 2026":                     "",
		"":                                     "",
		"#Paris @avecanne https://example.org": "",
	} {
		require.Equal(t, want, Detect(text), text)
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("Réunion publique jeudi")
	f.Add("l'’'-é")
	f.Fuzz(func(t *testing.T, s string) {
		got := Detect(s)
		if got != "" && got != French && got != English {
			t.Fatalf("Detect(%q) = %q", s, got)
		}
		fr, en := Scores(s)
		if fr < 0 || en < 0 {
			t.Fatal("negative score")
		}
	})
}
