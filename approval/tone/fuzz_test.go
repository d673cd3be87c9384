package tone

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"unicode/utf8"
)

// boundaries maps each rune boundary of text (decoding from the start, an
// invalid byte counting as one rune) to its UTF-16 offset.
func boundaries(text string) map[int]int {
	out := map[int]int{0: 0}
	u := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		u += int(width16(r))
		i += size
		out[i] = u
	}
	return out
}

func addSeeds(f *testing.F) {
	f.Add("", "candidate")
	f.Add("Lacombe\xffment \xc3", "campaign")
	f.Add("l'« expert » Lacombe 👏🏽👏🏽 !!! ", "colistier")
	// Normalisation: format characters, look-alikes, compatibility forms.
	f.Add("La\u200bcombe men\u00adteur \u2060 \u202eevil\u202c", "candidate")
	f.Add("Lаcоmbe (Cyrillic) Ｌａｃｏｍｂｅ 𝐦𝐞𝐧𝐭 ﬁn \ufeff#Stop\u200dLacombe", "candidate")
	f.Add("\u200b\u200b\u00ad", "campaign")
	for _, path := range []string{"testdata/dev.jsonl", "testdata/test.jsonl"} {
		file, err := os.Open(path)
		if err != nil {
			f.Fatal(err)
		}
		sc := bufio.NewScanner(file)
		for sc.Scan() {
			var l labelled
			if json.Unmarshal(sc.Bytes(), &l) == nil {
				f.Add(l.Text, "candidate")
			}
		}
		file.Close()
	}
}

// FuzzCheck checks that Check and Normalize never panic, that every span
// lies in the original text, on rune boundaries, with consistent UTF-16
// offsets, and that normalised text keeps the opponents routing sees.
func FuzzCheck(f *testing.F) {
	addSeeds(f)
	e := MustEngine(f)
	f.Fuzz(func(t *testing.T, text, profile string) {
		r := e.Check(text, profile)
		e.Signals(text)
		if n := Normalize(text); !utf8.ValidString(n) {
			t.Fatalf("Normalize returned invalid UTF-8 for %q", text)
		} else if sig, nsig := e.Signals(text), e.Signals(n); sig.Opponent && !nsig.Opponent {
			t.Fatalf("normalising lost the opponent of %q (%q)", text, n)
		}
		if r.Violations == nil || (r.Verdict != VerdictOK) != (len(r.Violations) > 0) {
			t.Fatalf("inconsistent result %+v", r)
		}
		if r.InvalidUTF8 == utf8.ValidString(text) {
			t.Fatalf("InvalidUTF8 = %v", r.InvalidUTF8)
		}
		b := boundaries(text)
		for _, v := range r.Violations {
			for _, sp := range v.Spans {
				s16, ok1 := b[sp.Start]
				e16, ok2 := b[sp.End]
				if !ok1 || !ok2 || sp.Start >= sp.End || sp.End > len(text) {
					t.Fatalf("span %+v not on rune boundaries of %q", sp, text)
				}
				if s16 != sp.Start16 || e16 != sp.End16 {
					t.Fatalf("span %+v: UTF-16 offsets want %d-%d", sp, s16, e16)
				}
			}
			if !utf8.ValidString(v.MessageFR) || !utf8.ValidString(v.MessageEN) {
				t.Fatalf("invalid UTF-8 in messages %q", v.MessageFR)
			}
		}
	})
}
