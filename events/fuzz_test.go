package events

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Marché d'Aligre", "", "Œuvre — été 2026 !!", "\xff\xfe", strings.Repeat("ab ", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slug := slugify(s)
		if slug == "" || len(slug) > 49 || strings.HasPrefix(slug, "-") || strings.HasSuffix(slug, "-") {
			t.Fatalf("slugify(%q) = %q", s, slug)
		}
		for _, r := range slug {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("slugify(%q) = %q has %q", s, slug, r)
			}
		}
	})
}

func FuzzValidEmail(f *testing.F) {
	for _, s := range []string{"a@example.org", "A <a@b.fr>", "a@b", "@b.fr", "a@.fr", "\xff@b.fr", "a@b.fr."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if validEmail(s) && (!utf8.ValidString(s) || len(s) > MaxEmailBytes || !strings.Contains(s, "@") || strings.ContainsAny(s, "<> ")) {
			t.Fatalf("validEmail(%q) accepted", s)
		}
	})
}

func FuzzValidate(f *testing.F) {
	f.Add("Marché", "market", "2030-01-01T09:00:00Z", "2030-01-01T12:00:00Z", "Place d'Aligre", "12e")
	f.Add("", "x", "demain", "", "", "")
	s := New(Config{Districts: []District{{ID: "12e", Name: "12e arrondissement"}}})
	now := time.Date(2029, 12, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, title, kind, start, end, place, district string) {
		e, err := s.validate(Input{Title: title, Kind: kind, StartsAt: start, EndsAt: end, Place: place, District: district}, now, "fr")
		if err == nil && (e.Title == "" || !e.EndsAt.After(e.StartsAt) || e.District != "12e arrondissement" || !e.Kind.Valid()) {
			t.Fatalf("accepted %+v", e)
		}
	})
}
