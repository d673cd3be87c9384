package ui

import "testing"

func TestSafeNext(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"/posts/3":             "/posts/3",
		"/calendar?view=month": "/calendar?view=month",
		"":                     "/",
		"posts":                "/",
		"//evil.example":       "/",
		"/\\evil.example":      "/",
		"/./\\evil.example":    "/",
		"/\t/evil.example":     "/",
		"/%09/evil.example":    "/",
		"/%5Cevil.example":     "/",
		"https://evil.example": "/",
		"/..//evil.example":    "/evil.example",
		"javascript:alert(1)":  "/",
	}
	for in, want := range cases {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}
