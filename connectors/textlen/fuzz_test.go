package textlen

import "testing"

func FuzzCount(f *testing.F) {
	for _, s := range []string{"", "bonjour https://exemple.fr/a?b=c", "👨‍👩‍👧‍👦 1⃣ 🇫🇷", "a\xffb",
		"http://xn--ls8h.la/ t.co/abc @a@b.c", "(http://a.com/(b(c)))", "\u2066\u202Ahttp://foobar.پاکستان/\u202C"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, p := range Platforms() {
			r, err := Count(p, text, Options{})
			if err != nil || r.Length < 0 || r.Problems == nil {
				t.Fatalf("%s: %+v, %v", p, r, err)
			}
			if text == "" && r.Valid {
				t.Fatalf("%s: empty text valid", p)
			}
		}
		for _, u := range ExtractURLs(text) {
			if u.Start < 0 || u.End > len(text) || u.Start > u.End {
				t.Fatalf("bad span %+v", u)
			}
		}
	})
}
