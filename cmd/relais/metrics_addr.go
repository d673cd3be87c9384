package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/relais/relais/ui"
)

// readTimeout is ReadTimeout or ui.ReadBodyTimeout.
func (m *Main) readTimeout() time.Duration {
	if m.ReadTimeout > 0 {
		return m.ReadTimeout
	}
	return ui.ReadBodyTimeout
}

// mainMetrics is the metrics handler for the main address: none when
// --metrics-addr serves them elsewhere.
func (m *Main) mainMetrics(hub *ui.Hub) http.Handler {
	if m.MetricsAddr != "" {
		return nil
	}
	return m.metrics(hub)
}

// serveMetrics serves /metrics alone on --metrics-addr, when set.
func (m *Main) serveMetrics(hub *ui.Hub) error {
	if m.MetricsAddr == "" {
		return nil
	}
	l, err := net.Listen("tcp", m.MetricsAddr)
	if err != nil {
		return fmt.Errorf("cannot listen on --metrics-addr %s: %w", m.MetricsAddr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.metrics(hub))
	m.metricsHTTP = &http.Server{Handler: mux, ReadHeaderTimeout: ui.ReadHeaderTimeout, ReadTimeout: ui.ReadBodyTimeout}
	m.metricsAddr = l.Addr().String()
	go func() {
		if err := m.metricsHTTP.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.log.Error("metrics server stopped", slog.Any("error", err))
		}
	}()
	return nil
}
