package main

import (
	"context"
	"fmt"
	"github.com/relais/relais/config"
	"log/slog"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/relais/relais/approval"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/scheduler"
	"github.com/relais/relais/store"
	"github.com/relais/relais/ui"
)

// auditFlushEvery is how often each replica chains pending audit entries
// (PostgreSQL; one replica at a time).
const auditFlushEvery = time.Second

// services are built after the scheduler (they enqueue jobs) but run in
// its chores.
type services struct {
	approvals *approval.Service
	authn     *auth.Service
	throttle  *auth.StoreThrottle
}

// loginThrottle counts sign-in attempts in the database.
func (m *Main) loginThrottle() *auth.StoreThrottle { return auth.NewStoreThrottle(m.store, m.log) }

// replicaID names this replica: RELAIS_REPLICA_ID, else host and process.
func replicaID(cfg *config.Config) string {
	if cfg.ReplicaID != "" {
		return cfg.ReplicaID
	}
	host, _ := os.Hostname()
	return fmt.Sprintf("%s-%d", host, os.Getpid())
}

// connectReplicas links this replica to the others through PostgreSQL:
// presence by NOTIFY, the other live events through the database's log,
// and the audit writer. It does nothing on SQLite.
func (m *Main) connectReplicas(ctx context.Context, hub *ui.Hub) error {
	if m.store.Dialect() != store.DialectPostgres {
		return nil
	}
	if err := m.store.CheckConnections(ctx); err != nil {
		return err
	}
	relayCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	wait := hub.Connect(relayCtx, m.store, m.log)
	waitLog, err := hub.ConnectLog(relayCtx, m.store, m.log)
	if err != nil {
		stop()
		wait()
		return err
	}
	done := make(chan struct{})
	go func() { defer close(done); m.store.RunAuditWriter(relayCtx, auditFlushEvery, m.log) }()
	m.stopRelay = func() { stop(); wait(); waitLog(); <-done; m.flushAudit() }
	return nil
}

// flushAudit chains this replica's last pending audit entries on shutdown.
func (m *Main) flushAudit() {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if _, err := m.store.FlushAudit(ctx); err != nil {
		m.log.Warn("cannot chain the last audit entries", slog.Any("error", err))
	}
}

// chores are the housekeeping tasks, run once per cluster by the job queue.
func (m *Main) chores() []scheduler.Chore {
	return []scheduler.Chore{
		{Name: "expire_approvals", Every: 30 * time.Second, Run: func(ctx context.Context) error {
			svc := m.svc.Load()
			if svc == nil {
				return nil
			}
			n, err := svc.approvals.ExpireDue(ctx)
			if n > 0 {
				m.log.Info("approval requests expired", slog.Int("posts", n))
			}
			return err
		}},
		{Name: "purge_sessions", Every: time.Hour, Run: func(ctx context.Context) error {
			if svc := m.svc.Load(); svc != nil {
				return svc.authn.PurgeExpired(ctx)
			}
			return nil
		}},
		{Name: "purge_uploads", Every: time.Hour, Run: func(ctx context.Context) error {
			return m.store.Update(ctx, func(tx *store.Tx) error {
				_, err := tx.DeleteUnattachedMedia(tx.Now().Add(-approval.UploadRetention))
				return err
			})
		}},
		{Name: "purge_login_attempts", Every: 15 * time.Minute, Run: func(ctx context.Context) error {
			return m.loginThrottle().Purge(ctx)
		}},
		{Name: "purge_live_events", Every: time.Minute, Run: func(ctx context.Context) error {
			return m.store.PurgeLive(ctx, ui.LiveKeep)
		}},
		m.videoSweep(),
	}
}

// replicaMetrics registers the replica metrics.
func replicaMetrics(reg *prometheus.Registry, hub *ui.Hub) {
	reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "relais_live_catchups_total",
		Help: "Reads of missed live events from the database (a replica after its notifications stopped, a tab resuming)."},
		func() float64 { return float64(hub.CatchUps()) }))
}
