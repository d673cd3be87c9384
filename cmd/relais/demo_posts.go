package main

import (
	"context"
	"log/slog"

	"github.com/relais/relais/approval"
	"github.com/relais/relais/demo"
	"github.com/relais/relais/ui"
)

// seedDemoPosts gives a fresh demo its week of posts once the scheduler
// runs (they go through the workflow: the approved ones publish on the
// sandbox). A failure is logged, not fatal: the demo works without them.
func (m *Main) seedDemoPosts(ctx context.Context, rules approval.ToneRules, hub *ui.Hub) {
	if !m.Demo {
		return
	}
	svc := approval.New(m.store, rules, m.scheduler, hub)
	if err := demo.SeedPosts(ctx, svc, m.store); err != nil {
		m.log.Warn("demo posts not seeded", slog.Any("error", err))
	}
}
