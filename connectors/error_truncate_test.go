package connectors

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestErrorTruncatesPlatformText: a platform answering with a huge body
// (here 100 KB, multibyte) is not echoed in full: each platform-supplied
// part of the error text is cut at MaxMessageLen on a rune boundary.
func TestErrorTruncatesPlatformText(t *testing.T) {
	body := strings.Repeat("é", 50_000)
	e := &Error{Platform: "x", Class: Permanent, Status: 400, Message: body, Err: errors.New(body)}
	s := e.Error()
	if len(s) > 2*MaxMessageLen+64 {
		t.Fatalf("error text is %d bytes", len(s))
	}
	if !utf8.ValidString(s) || !strings.Contains(s, "…") || !strings.HasPrefix(s, "x: permanent status=400: éé") {
		t.Fatalf("unexpected error text %q", s[:80])
	}
	if got := Truncate("abc", 10); got != "abc" {
		t.Fatalf("Truncate changed a short text: %q", got)
	}
}
