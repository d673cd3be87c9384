// Package langdetect tells French from English in a short post: each
// word found in one language's list of frequent words (and each letter
// only French writes, such as é or ç) counts for that language. Posts are
// short and the campaign writes in two languages, so a small, predictable
// scorer beats a general model; ties and texts with no evidence give "".
package langdetect

import (
	"strings"
	"unicode"
)

// Languages this package tells apart.
const (
	French  = "fr"
	English = "en"
)

var frenchWords = set("le la les un une des du de et est sont à au aux ce cette ces qui que quoi pour par sur dans avec sans nous vous ils elles je tu il elle on mais ou où donc pas plus très tout tous toutes notre nos votre vos leur leurs son sa ses mon ma mes été être avoir fait faire merci bonjour demain hier soir matin rendez-vous venez ensemble ville quartier réunion publique campagne")

var englishWords = set("the a an of and is are to in on at for by with without we you they he she it i but or so not more very all our your their his her my been be have has had do does did thank thanks hello tomorrow yesterday tonight morning join us together city neighbourhood neighborhood meeting public campaign this that these those what which who will would can")

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Detect returns French, English, or "" when the text gives no clear sign.
func Detect(text string) string {
	fr, en := Scores(text)
	switch {
	case fr > en:
		return French
	case en > fr:
		return English
	}
	return ""
}

// Scores returns the evidence for French and for English.
func Scores(text string) (fr, en int) {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-'
	}) {
		w = strings.Trim(w, "'’-")
		if i := strings.IndexAny(w, "'’"); i > 0 && i <= 2 { // l'heure, d'Aligre, j'ai
			fr++
			w = w[i+len(string([]rune(w[i:])[0])):]
		}
		if frenchWords[w] {
			fr += 2
		}
		if englishWords[w] {
			en += 2
		}
		fr += strings.Count(w, "é") + strings.Count(w, "è") + strings.Count(w, "ç") + strings.Count(w, "à") + strings.Count(w, "ê")
	}
	return fr, en
}
