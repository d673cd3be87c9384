package ui

import (
	"crypto/subtle"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/relais/relais"
)

// Read deadlines: the server's ReadTimeout (cmd/relais sets
// ReadBodyTimeout) bounds every request body; an upload may take longer.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadBodyTimeout   = 30 * time.Second
	UploadReadTimeout = 2 * time.Minute
)

// uploadDeadline gives an upload's body UploadReadTimeout from now to
// arrive, instead of the server-wide ReadTimeout.
func uploadDeadline(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(UploadReadTimeout))
		next.ServeHTTP(w, r)
	})
}

// metricsHandler serves /metrics to a caller presenting the metrics token
// (Authorization: Bearer T); without a token configured, /metrics is not
// served on this address (use a separate metrics address).
func (s *Server) metricsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.MetricsToken == "" {
			s.apiError(w, r, relais.Errorf(relais.ENOTFOUND,
				"/metrics needs RELAIS_METRICS_TOKEN, or serve it on its own address with --metrics-addr."))
			return
		}
		tok, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if subtle.ConstantTimeCompare([]byte(tok), []byte(s.cfg.MetricsToken)) != 1 {
			s.apiError(w, r, relais.Errorf(relais.EUNAUTHORIZED, "/metrics needs Authorization: Bearer <RELAIS_METRICS_TOKEN>."))
			return
		}
		s.cfg.Metrics.ServeHTTP(w, r)
	})
}

// publicBase is the dashboard's public URL for links: the configured base
// URL (RELAIS_BASE_URL), else this request's host, over https when the
// connection is TLS or a trusted reverse proxy says so (a client's own
// X-Forwarded-Proto is never believed).
func (s *Server) publicBase(r *http.Request) string {
	if s.cfg.BaseURL != "" {
		return strings.TrimSuffix(s.cfg.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil || (fromTrustedProxy(r, s.cfg.TrustedProxies) && r.Header.Get("X-Forwarded-Proto") == "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// fromTrustedProxy reports whether the request's peer is a trusted proxy.
func fromTrustedProxy(r *http.Request, trusted []string) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return slices.Contains(trusted, host)
}
