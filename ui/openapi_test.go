package ui

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/relais/relais/analytics"
	"github.com/relais/relais/capture"
	"github.com/relais/relais/connectors/sandbox"
	"github.com/relais/relais/events"
	"github.com/relais/relais/push"
	"github.com/relais/relais/supporters"
	"github.com/relais/relais/video"
)

// publicRoutes are served without the member check, so they are not in
// Server.Patterns(); the API reference documents them too.
var publicRoutes = []string{
	"GET /healthz", "GET /readyz", "GET /metrics", "GET /static/",
	"GET /login", "POST /login", "GET /calendar.ics", "GET /invite/{token}", "POST /invite/{token}",
	"GET /l/{code}", "GET /u/{token}", "POST /u/{token}",
	"GET /e/{slug}", "GET /e/{slug}/event.ics", "POST /e/{slug}/rsvp",
	"GET /manifest.webmanifest", "GET /sw.js", "GET /icons/{name}", "GET /favicon.ico",
}

// documentedRoutes reads docs/openapi.yaml as "METHOD pattern" strings
// (the path "/" is the pattern "/{$}").
func documentedRoutes(t *testing.T) []string {
	b, err := os.ReadFile("../docs/openapi.yaml")
	require.NoError(t, err, "the API reference lives in docs/openapi.yaml")
	var doc struct {
		OpenAPI string                               `yaml:"openapi"`
		Paths   map[string]map[string]map[string]any `yaml:"paths"`
	}
	require.NoError(t, yaml.Unmarshal(b, &doc))
	require.True(t, strings.HasPrefix(doc.OpenAPI, "3.1"), "OpenAPI 3.1")
	var out []string
	for path, ops := range doc.Paths {
		if path == "/" {
			path = "/{$}"
		}
		for method, op := range ops {
			require.Contains(t, op, "responses", "%s %s has no responses", method, path)
			out = append(out, strings.ToUpper(method)+" "+path)
		}
	}
	sort.Strings(out)
	return out
}

// TestOpenAPIDocumentsEveryRoute (issue 11 item 14): every route the
// server registers is in docs/openapi.yaml, and every documented route is
// one the server serves.
func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	t.Parallel()
	sb, err := sandbox.New(filepath.Join(t.TempDir(), "sandbox.jsonl"), "http://127.0.0.1")
	require.NoError(t, err)
	// Every optional service is set (zero values are enough to register
	// their routes), so that no area's routes escape the check.
	s := New(Config{Metrics: http.NotFoundHandler(), Sandbox: sb,
		Analytics: &analytics.Service{}, Supporters: &supporters.Service{}, Events: &events.Service{},
		Capture: &capture.Service{}, Push: &push.Service{}, Videos: &video.Uploads{}})
	documented := documentedRoutes(t)
	var missing []string
	for _, p := range append(s.Patterns(), publicRoutes...) {
		if !slices.Contains(documented, p) {
			missing = append(missing, p)
		}
	}
	sort.Strings(missing)
	require.Empty(t, missing, "routes missing from docs/openapi.yaml (add a path and operation for each):\n  %s",
		strings.Join(missing, "\n  "))
	var unknown []string
	for _, d := range documented {
		if servedPattern(s, d) != d {
			unknown = append(unknown, d)
		}
	}
	require.Empty(t, unknown, "docs/openapi.yaml documents routes the server does not serve:\n  %s", strings.Join(unknown, "\n  "))
}

var pathParam = regexp.MustCompile(`\{[^}$]+\}`)

// servedPattern returns the pattern the server's mux picks for a request
// matching route (path parameters filled in).
func servedPattern(s *Server, route string) string {
	method, path, _ := strings.Cut(route, " ")
	target := strings.ReplaceAll(pathParam.ReplaceAllString(path, "1"), "{$}", "")
	_, pattern := s.mux.Handler(httptest.NewRequest(method, target, nil))
	return pattern
}
