package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/relais/relais/approval/tone"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/bluesky"
	"github.com/relais/relais/connectors/email"
	"github.com/relais/relais/connectors/platforms"
	"github.com/relais/relais/connectors/sandbox"
	"github.com/relais/relais/demo"
	"github.com/relais/relais/scheduler"
	"github.com/relais/relais/store"
	"github.com/relais/relais/ui"
)

// registry builds every platform connector; the process's one mailer (from
// RELAIS_SMTP_*, read at start) sends mail and RELAIS_MASTODON_INSTANCE
// names the default Mastodon instance.
func (m *Main) registry(sb *sandbox.Connector) *connectors.Registry {
	return platforms.Default(platforms.Options{
		Sandbox:              sb,
		MastodonInstance:     m.cfg.MastodonInstance,
		SMTP:                 m.smtp,
		Mailer:               m.mailer,
		OnBlueskySession:     m.saveBlueskySession,
		AllowPrivateNetworks: m.allowPrivateNetworks(),
	})
}

// allowPrivateNetworks reports whether relais may call loopback and
// private addresses: RELAIS_ALLOW_PRIVATE_NETWORKS=true, or serve --demo
// (a demo tries webhooks and fakes on the same machine).
func (m *Main) allowPrivateNetworks() bool { return m.Demo || m.cfg.AllowPrivateNetworks }

// sendMail e-mails approval alerts and invitations through the process's
// mailer.
func (m *Main) sendMail(ctx context.Context, to, subject, text string) error {
	return m.mailer.Send(ctx, email.Message{To: []string{to}, Subject: subject, Text: text})
}

// saveBlueskySession persists refreshed Bluesky tokens and the DID in the
// account's encrypted credentials, so that a restart resumes the session.
func (m *Main) saveBlueskySession(accountID int64, access, refresh, did string) {
	err := m.store.Update(context.Background(), func(tx *store.Tx) error {
		return tx.MergeCredentials(accountID, map[string]string{bluesky.CredAccessJwt: access, bluesky.CredRefreshJwt: refresh, bluesky.CredDID: did})
	})
	if err != nil {
		m.log.Error("cannot save Bluesky session", slog.Int64("account_id", accountID), slog.Any("error", err))
	}
}

// tonePath is where the tone rules live: --tone-config, else DATA/tone.yaml
// (which the settings page creates when it saves).
func (m *Main) tonePath() string {
	if m.ToneFile != "" {
		return m.ToneFile
	}
	return filepath.Join(m.env.DataDir, "tone.yaml")
}

func (m *Main) toneChecker() (*tone.Checker, error) {
	path := m.ToneFile
	if path == "" {
		if p := filepath.Join(m.env.DataDir, "tone.yaml"); fileExists(p) {
			path = p
		}
	}
	cfg := tone.DefaultConfig()
	if path != "" {
		var err error
		if cfg, err = tone.LoadConfig(path); err != nil {
			return nil, fmt.Errorf("tone configuration %s: %w", path, err)
		}
	}
	e, err := tone.New(cfg)
	if err != nil {
		return nil, err
	}
	return tone.NewChecker(e), nil
}

func (m *Main) seedDemo(ctx context.Context) error {
	if _, err := demo.Seed(ctx, m.store, 2000); err != nil {
		return fmt.Errorf("cannot seed demo: %w", err)
	}
	if tonePath := filepath.Join(m.env.DataDir, "tone.yaml"); !fileExists(tonePath) {
		if err := os.WriteFile(tonePath, []byte(demo.ToneConfig), 0o600); err != nil {
			return err
		}
	}
	fmt.Fprintln(m.stdout, "Demo campaign (password for every login: "+demo.Password+"):")
	for _, l := range demo.Logins {
		fmt.Fprintf(m.stdout, "  %-18s %s\n", l.Role, l.Email)
	}
	fmt.Fprintln(m.stdout, "  colistier          colistier-<sector>@demo.relais.fr (e.g. colistier-11e@demo.relais.fr)")
	return nil
}

// ready reports whether the database answers and every migration ran.
func (m *Main) ready(ctx context.Context) error {
	if err := m.store.Ping(ctx); err != nil {
		return errors.New("database unreachable")
	}
	if pending, err := m.store.PendingMigrations(ctx); err != nil || len(pending) > 0 {
		return errors.New("database migrations pending")
	}
	if err := scheduler.Current(ctx, m.store); err != nil {
		return errors.New("job queue migrations pending")
	}
	return nil
}

func (m *Main) metrics(hub *ui.Hub) http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "relais_websocket_clients",
		Help: "Connected dashboard websockets."}, func() float64 { return float64(hub.Count()) }))
	reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "relais_events_total",
		Help: "Live events published since start."}, func() float64 { return float64(hub.Seq()) }))
	replicaMetrics(reg, hub)
	return promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
}

func localURLHost(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || tcp.IP.IsUnspecified() {
		if ok {
			return fmt.Sprintf("localhost:%d", tcp.Port)
		}
	}
	return a.String()
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
