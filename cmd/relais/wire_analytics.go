package main

import (
	"context"
	"time"

	"github.com/relais/relais/analytics"
)

// startAnalytics builds the analytics service: tracked links on
// RELAIS_LINK_BASE_URL (default the base URL) and the click counter's
// flushing loop, stopped by Close.
func (m *Main) startAnalytics(ctx context.Context) error {
	base := m.cfg.LinkBaseURL
	if base == "" || base == m.cfg.BaseURL { // the base URL may come from the listener
		base = m.BaseURL
	}
	linker, err := analytics.NewLinker(ctx, m.store, base)
	if err != nil {
		return err
	}
	m.analytics = analytics.New(m.store, linker, m.log)
	m.analytics.Seats = m.cfg.Districts.Seats()
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
