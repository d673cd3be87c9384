package connectors

import (
	"errors"
	"strings"
	"testing"

	"github.com/relais/relais"
)

// TestCheckAccountURLs: a webhook URL or base URL on a private, loopback
// or metadata address is refused when saved, naming the field, unless
// private networks are allowed; the sandbox and public URLs pass.
func TestCheckAccountURLs(t *testing.T) {
	for _, tc := range []struct {
		base  string
		creds map[string]string
		field string
	}{
		{"http://169.254.169.254/latest", nil, "base_url"},
		{"https://127.0.0.1:8443", nil, "base_url"},
		{"", map[string]string{"url": "http://10.0.0.5/hook"}, "credentials"},
		{"", map[string]string{"url": "http://localhost:9000/hook"}, "credentials"},
	} {
		err := CheckAccountURLs(tc.base, tc.creds, false)
		var re *relais.Error
		if !errors.As(err, &re) || re.Field != tc.field || !strings.Contains(re.Message, "not allowed") {
			t.Fatalf("%v %v: got %v, want a %s field error", tc.base, tc.creds, err, tc.field)
		}
		if err := CheckAccountURLs(tc.base, tc.creds, true); err != nil {
			t.Fatalf("allowed private networks still refuse %v %v: %v", tc.base, tc.creds, err)
		}
	}
	for _, base := range []string{"", SandboxURL, "https://mastodon.social"} {
		if err := CheckAccountURLs(base, map[string]string{"url": "https://hooks.slack.com/services/T/B/X"}, false); err != nil {
			t.Fatalf("%q refused: %v", base, err)
		}
	}
}
