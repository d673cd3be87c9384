package ui

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// FuzzDecodePost: any request body decodes into a post or fails with a
// coded error; a decoded post validates or fails with a field; never a
// panic.
func FuzzDecodePost(f *testing.F) {
	f.Add(`{"text":"Bonjour","targets":["@anne", 3],"scheduled_at":"2026-12-01T09:30:00+01:00"}`)
	f.Add(`{"text":"x","variants":{"x":"y"},"media":[1,2]}`)
	f.Add(`{"targets":[{"id":1}]}`)
	f.Add(`{"text":42}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest("POST", "/api/posts", strings.NewReader(body))
		var in approval.PostInput
		if err := decodeJSON(r, &in); err != nil {
			if relais.ErrorCode(err) == relais.EINTERNAL {
				t.Fatalf("uncoded error for %q: %v", body, err)
			}
			return
		}
		p := relais.Post{Text: in.Text, Variants: in.Variants, ScheduledAt: in.ScheduledAt, Targets: []int64{1}}
		if err := p.Validate(time.Now()); err != nil && relais.ErrorCode(err) == relais.EINTERNAL {
			t.Fatalf("uncoded validation error: %v", err)
		}
		_ = p.Hash()
	})
}

// FuzzSafeNext: a redirect after login always stays on this site.
func FuzzSafeNext(f *testing.F) {
	for _, s := range []string{"/posts/3", "//evil", "/\\evil", "/%09/evil", "https://x", "/a/../../b?c=d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, next string) {
		got := safeNext(next)
		if !strings.HasPrefix(got, "/") || strings.HasPrefix(got, "//") || strings.ContainsAny(got, "\\\t\r\n") {
			t.Fatalf("safeNext(%q) = %q leaves the site", next, got)
		}
	})
}
