package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAnalyticsNavByRole checks that the report and the A/B tests are in
// the navigation of the roles that may read them (those that draft) and
// neither in a colistier's nor open to her.
func TestAnalyticsNavByRole(t *testing.T) {
	tm := mustRunDemo(t)
	for email, sees := range map[string]bool{"web@demo.relais.fr": true, "cm@demo.relais.fr": true, "colistier-11e@demo.relais.fr": false} {
		s := tm.signIn(t, email)
		status, body := s.get("/?lang=en")
		require.Equal(t, http.StatusOK, status)
		for _, link := range []string{`<a href="/reports/weekly"`, `<a href="/experiments"`} {
			if sees {
				require.Contains(t, body, link, email)
			} else {
				require.NotContains(t, body, link, email)
			}
		}
		status, _ = s.get("/experiments")
		require.Equal(t, map[bool]int{true: http.StatusOK, false: http.StatusForbidden}[sees], status, email)
	}
}
