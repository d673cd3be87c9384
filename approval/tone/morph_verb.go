package tone

import (
	"strings"
	"unicode/utf8"
)

// French verb endings by group, appended to the stems computed below.
var (
	erPresent = []string{"e", "es", "ons", "ez", "ent"}
	imparfait = []string{"ais", "ait", "ions", "iez", "aient"}
	futur     = []string{"ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient"}
	erSimple  = []string{"ai", "as", "a", "âmes", "âtes", "èrent"}
	irSimple  = []string{"is", "it", "îmes", "îtes", "irent"}
	reSimple  = []string{"is", "it", "îmes", "îtes", "irent"}
)

// frVerb conjugates a French verb: present, imparfait, passé simple, futur,
// conditionnel, subjonctif, participles (both genders and numbers) and
// gerund. v3 selects the partir/mentir type (je mens, nous mentons).
func frVerb(inf string, v3 bool) []string {
	if len(inf) <= 2 {
		return []string{inf} // "er", "ir", "re" alone are no verbs
	}
	switch {
	case strings.HasSuffix(inf, "er"):
		return frVerbER(inf)
	case strings.HasSuffix(inf, "ir") && v3:
		return frVerbV3(inf)
	case strings.HasSuffix(inf, "ir"):
		return frVerbIR(inf)
	case strings.HasSuffix(inf, "uire"):
		return frVerbUIRE(inf)
	case strings.HasSuffix(inf, "re"):
		return frVerbRE(inf)
	}
	return []string{inf}
}

func withEndings(out []string, stem string, ends []string) []string {
	for _, e := range ends {
		out = append(out, stem+e)
	}
	return out
}

// participle adds the four forms of a past participle.
func participle(out []string, p string) []string {
	if strings.HasSuffix(p, "s") {
		return append(out, p, p+"e", p+"es")
	}
	return append(out, p, p+"e", p+"s", p+"es")
}

func frVerbER(inf string) []string {
	stem := inf[:len(inf)-2]
	soft := stem // manger → mangeons, mangeait
	if strings.HasSuffix(stem, "g") {
		soft = stem + "e"
	}
	out := []string{inf}
	out = withEndings(out, stem, []string{"e", "es", "ez", "ent", "er"})
	out = append(out, soft+"ons", soft+"ant")
	out = withEndings(out, soft, []string{"ais", "ait", "aient"})
	out = withEndings(out, stem, []string{"ions", "iez"})
	out = withEndings(out, soft, erSimple)
	out = withEndings(out, inf, futur)
	return participle(out, stem+"é")
}

func frVerbIR(inf string) []string {
	stem := inf[:len(inf)-2]
	out := []string{inf}
	out = withEndings(out, stem, []string{"is", "it"})
	out = withEndings(out, stem+"iss", append([]string{"ons", "ez", "ent", "e", "es", "ant"}, imparfait...))
	out = withEndings(out, stem, irSimple)
	out = withEndings(out, inf, futur)
	return participle(out, stem+"i")
}

func frVerbV3(inf string) []string {
	long := inf[:len(inf)-2] // ment
	_, size := utf8.DecodeLastRuneInString(long)
	short := long[:len(long)-size] // men
	out := []string{inf, short + "s", short + "t"}
	out = withEndings(out, long, []string{"ons", "ez", "ent", "e", "es", "ant"})
	out = withEndings(out, long, imparfait)
	out = withEndings(out, long, irSimple)
	out = withEndings(out, inf, futur)
	return participle(out, long+"i")
}

func frVerbRE(inf string) []string {
	stem := inf[:len(inf)-2] // perd, prétend
	out := []string{inf, stem + "s", stem}
	out = withEndings(out, stem, []string{"ons", "ez", "ent", "e", "es", "ant"})
	out = withEndings(out, stem, imparfait)
	out = withEndings(out, stem, reSimple)
	out = withEndings(out, inf[:len(inf)-1], futur)
	return participle(out, stem+"u")
}

func frVerbUIRE(inf string) []string {
	stem := inf[:len(inf)-2] // détrui
	out := []string{inf, stem + "s", stem + "t"}
	out = withEndings(out, stem+"s", []string{"ons", "ez", "ent", "e", "es", "ant", "is", "it", "irent"})
	out = withEndings(out, stem+"s", imparfait)
	out = withEndings(out, inf[:len(inf)-1], futur)
	return participle(out, stem+"t")
}
