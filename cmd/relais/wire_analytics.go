package main

import (
	"context"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais/analytics"
	"github.com/relais/relais/demo"
)

// startAnalytics builds the analytics service: tracked links on
// RELAIS_LINK_BASE_URL (default the base URL) and the click counter's
// flushing loop, stopped by Close.
func (m *Main) startAnalytics(ctx context.Context) error {
	base := strings.TrimSuffix(envOr("RELAIS_LINK_BASE_URL", m.BaseURL), "/")
	linker, err := analytics.NewLinker(ctx, m.store, base)
	if err != nil {
		return err
	}
	m.analytics = analytics.New(m.store, linker, m.log)
	m.analytics.Seats = map[string]int{}
	for _, sec := range demo.Sectors() { // the demo's districts are the Paris sectors, by name
		m.analytics.Seats[sec.Name] = sec.Seats
	}
	runCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		m.analytics.Clicks.Run(runCtx, 2*time.Second)
	}()
	m.stopAnalytics = func() { stop(); <-done }
	return nil
}

// newSupporterCounter counts the weekly report's new supporters through
// the supporters service.
func (m *Main) newSupporterCounter() analytics.SupporterCounter {
	return func(ctx context.Context, w analytics.Week) (map[string]int64, error) {
		return m.supporters.NewByDistrict(ctx, w.From, w.To)
	}
}

// xMetricsDailyCap reads RELAIS_X_METRICS_DAILY_CAP: how many X posts'
// metrics may be read (and billed) per day; 0 keeps the default.
func xMetricsDailyCap() int64 {
	n, _ := strconv.ParseInt(os.Getenv("RELAIS_X_METRICS_DAILY_CAP"), 10, 64)
	return max(n, 0)
}
