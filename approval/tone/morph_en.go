package tone

import "strings"

// englishForms inflects an English lemma: nouns take a plural, verbs their
// -s, -ed and -ing forms, adjectives (/a) their -ly adverb.
func englishForms(w, kind string) []string {
	switch kind {
	case "v":
		return []string{w, enPlural(w), enPast(w), enGerund(w)}
	case "a":
		return []string{w, enAdverb(w)}
	case "n", "":
		return []string{w, enPlural(w)}
	}
	return []string{w}
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func enPlural(w string) string {
	n := len(w)
	switch {
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "o"):
		return w + "es"
	}
	return w + "s"
}

func enPast(w string) string {
	n := len(w)
	switch {
	case w[n-1] == 'e':
		return w + "d"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ied"
	}
	return w + "ed"
}

func enGerund(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ie"):
		return w[:n-2] + "ying"
	case n > 2 && w[n-1] == 'e' && w[n-2] != 'e':
		return w[:n-1] + "ing"
	}
	return w + "ing"
}

func enAdverb(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ic"):
		return w + "ally"
	case strings.HasSuffix(w, "le"):
		return w[:n-1] + "y"
	case n > 1 && w[n-1] == 'y':
		return w[:n-1] + "ily"
	}
	return w + "ly"
}
