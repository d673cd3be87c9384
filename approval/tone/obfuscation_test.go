package tone

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// disguises hide characters in every word of a text, as someone trying to
// slip past the rules would.
var disguises = map[string]func(string) string{
	"zero-width space": insertInWords("\u200b"),
	"soft hyphen":      insertInWords("\u00ad"),
	"word joiner":      insertInWords("\u2060"),
	"cyrillic":         mapLetters(map[rune]rune{'a': 'а', 'e': 'е', 'o': 'о', 'c': 'с', 'p': 'р', 'x': 'х', 'y': 'у', 'i': 'і'}),
	"full-width":       fullWidth,
}

// insertInWords puts mark after the first letter of every word of three
// letters or more.
func insertInWords(mark string) func(string) string {
	return func(text string) string {
		var b strings.Builder
		rs := []rune(text)
		for i, r := range rs {
			b.WriteRune(r)
			if unicode.IsLetter(r) && i+2 < len(rs) && unicode.IsLetter(rs[i+1]) && unicode.IsLetter(rs[i+2]) &&
				(i == 0 || !unicode.IsLetter(rs[i-1])) {
				b.WriteString(mark)
			}
		}
		return b.String()
	}
}

func mapLetters(m map[rune]rune) func(string) string {
	return func(text string) string {
		return strings.Map(func(r rune) rune {
			if l, ok := m[r]; ok {
				return l
			}
			return r
		}, text)
	}
}

// fullWidth writes every ASCII letter in its full-width form.
func fullWidth(text string) string {
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && unicode.IsLetter(r) {
			return r - 'A' + 'Ａ'
		}
		return r
	}, text)
}

// TestDisguisedStaysBlocked: every post of the labelled sets that is
// blocked stays blocked under each disguise, and the disguise itself is
// reported when it hides characters inside words.
func TestDisguisedStaysBlocked(t *testing.T) {
	e := MustEngine(t)
	blocked := 0
	for _, path := range []string{"testdata/dev.jsonl", "testdata/test.jsonl"} {
		for _, l := range mustLoadSet(t, path) {
			if !e.Check(l.Text, ProfileCandidate).Blocked() {
				continue
			}
			blocked++
			for name, disguise := range disguises {
				text := disguise(l.Text)
				r := e.Check(text, ProfileCandidate)
				if !r.Blocked() {
					t.Errorf("%s: %s no longer blocked: %q → %s", l.ID, name, text, describe(r))
				}
				if name != "full-width" && !r.Has(RuleObfuscation) {
					t.Errorf("%s: %s not reported as obfuscation: %q", l.ID, name, text)
				}
			}
		}
	}
	if blocked < 100 {
		t.Fatalf("only %d blocked posts to disguise", blocked)
	}
}

func TestObfuscationSpansOriginal(t *testing.T) {
	e := MustEngine(t)
	text := "Lacombe est un men\u200bteur."
	r := e.Check(text, ProfileCandidate)
	if !r.Blocked() || !r.Has(RuleObfuscation) {
		t.Fatalf("got %s", describe(r))
	}
	for _, v := range r.Violations {
		if v.Rule != RuleObfuscation {
			continue
		}
		sp := v.Spans[0]
		if got := text[sp.Start:sp.End]; got != "men\u200bteur" || sp.Start16 != 15 || sp.End16 != 23 {
			t.Fatalf("span %+v = %q", sp, got)
		}
	}
}

func TestPlainTextNotObfuscation(t *testing.T) {
	e := MustEngine(t)
	for _, text := range []string{
		"Rendez-vous au marché 👨‍👩‍👧 ❤️ ce soir !",
		"Ｂｏｎｊｏｕｒ à tous",
		"Привет Paris, bienvenue aux visiteurs de Kyiv.",
		"Κάτι ελληνικό για τους φίλους μας.",
	} {
		if r := e.Check(text, ProfileCandidate); r.Has(RuleObfuscation) {
			t.Errorf("%q flagged: %s", text, describe(r))
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"Lа\u200bcombe":       "Lacombe",
		"ment\u00adeur":       "menteur",
		"Ｌａｃｏｍｂｅ":             "Lacombe",
		"nous cré\u2060erons": "nous créerons",
		"famille 👨‍👩‍👧 ok":    "famille 👨‍👩‍👧 ok",
		"Привет":              "Привет",
		"ﬁnances":             "finances",
		"\u202eabc\u202c":     "abc",
		"\u0440romesse":       "promesse",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}
