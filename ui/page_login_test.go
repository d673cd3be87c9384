package ui

import (
	"net/http/httptest"
	"testing"
)

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

func TestClientIP(t *testing.T) {
	t.Parallel()
	r := httptest.NewRequest("POST", "/login", nil)
	r.RemoteAddr = "10.0.0.2:5555"
	r.Header.Set("X-Forwarded-For", "6.6.6.6, 203.0.113.7")
	if got := clientIP(r, nil); got != "10.0.0.2" {
		t.Errorf("untrusted peer: got %q", got)
	}
	if got := clientIP(r, []string{"10.0.0.2"}); got != "203.0.113.7" {
		t.Errorf("behind the proxy: got %q, want the address the proxy saw (not the forged left one)", got)
	}
}
