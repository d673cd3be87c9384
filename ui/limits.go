package ui

import (
	"crypto/subtle"
	"net/http"
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
