package tone

import (
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16Len counts the UTF-16 code units of s, as a browser does.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// mustSpanAt checks that sp covers want, in bytes and UTF-16 units.
func mustSpanAt(t *testing.T, text string, sp Span, want string) {
	t.Helper()
	if got := text[sp.Start:sp.End]; got != want {
		t.Errorf("span bytes %d-%d = %q, want %q", sp.Start, sp.End, got, want)
	}
	if s16 := utf16Len(text[:sp.Start]); s16 != sp.Start16 {
		t.Errorf("%q: start16 = %d, want %d", want, sp.Start16, s16)
	}
	if e16 := utf16Len(text[:sp.End]); e16 != sp.End16 {
		t.Errorf("%q: end16 = %d, want %d", want, sp.End16, e16)
	}
}

func TestSpansAccentsAndEmoji(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	text := "Été 🌞 : Lacombe, l’incompétence incarnée 🤡🤡"
	r := e.Check(text, ProfileCandidate)
	want := map[string]map[string]bool{
		RuleAttack:   {"Lacombe": true, "incompétence": true},
		RuleRidicule: {"Lacombe": true, "🤡": true},
	}
	for _, v := range r.Violations {
		if v.Rule == RuleStyle {
			continue
		}
		for _, sp := range v.Spans {
			got := text[sp.Start:sp.End]
			if !want[v.Rule][got] {
				t.Errorf("%s: unexpected span %q", v.Rule, got)
			}
			mustSpanAt(t, text, sp, got)
		}
	}
	if !r.Has(RuleAttack) || !r.Has(RuleRidicule) {
		t.Fatalf("got %+v", r)
	}
}

func TestSpanRoles(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	text := "Bernard Lacombe n'est pas honnête."
	r := e.Check(text, ProfileCandidate)
	if len(r.Violations) != 1 {
		t.Fatalf("got %+v", r)
	}
	roles := map[string]string{}
	for _, sp := range r.Violations[0].Spans {
		roles[text[sp.Start:sp.End]] = sp.Role
	}
	want := map[string]string{"Bernard Lacombe": RoleTarget, "n": RoleNegator, "honnête": RoleCue}
	for k, v := range want {
		if roles[k] != v {
			t.Errorf("span %q: role %q, want %q (all: %v)", k, roles[k], v, roles)
		}
	}
}

func TestSpanSkinToneEmoji(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	text := "Bravo Lacombe 👏🏽👏🏽"
	r := e.Check(text, ProfileCandidate)
	if !r.Has(RuleRidicule) {
		t.Fatalf("got %+v", r)
	}
	for _, sp := range r.Violations[0].Spans {
		if sp.Role == RoleCue {
			mustSpanAt(t, text, sp, "👏🏽👏🏽")
		}
	}
}

func TestMessagesBilingual(t *testing.T) {
	t.Parallel()
	e := MustEngine(t)
	r := e.Check("Lacombe ment.", ProfileCandidate)
	v := r.Violations[0]
	if v.MessageFR == "" || v.MessageEN == "" || v.MessageFR == v.MessageEN || !utf8.ValidString(v.MessageFR) {
		t.Fatalf("messages: %q / %q", v.MessageFR, v.MessageEN)
	}
}
