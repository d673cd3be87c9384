package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/approval/tone"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/sandbox"
	"github.com/relais/relais/demo"
	"github.com/relais/relais/scheduler"
	"github.com/relais/relais/share"
	"github.com/relais/relais/store"
	"github.com/relais/relais/ui"
)

// Main is the running service, wired by hand.
type Main struct {
	env       env
	Addr      string
	BaseURL   string
	Demo      bool
	ToneFile  string
	PollEvery time.Duration
	Rescue    time.Duration
	// ShareWindow staggers colistiers' share suggestions (default 2h).
	ShareWindow time.Duration

	log       *slog.Logger
	stdout    io.Writer
	store     *store.Store
	scheduler *scheduler.Scheduler
	sandbox   *sandbox.Connector
	http      *http.Server
	listener  net.Listener
	stopSweep context.CancelFunc // stops the expiry of lapsed approval requests
	stopRelay context.CancelFunc // stops relaying live events between replicas

	analytics     *analytics.Service // tracked links, metrics, reports (issue 15)
	stopAnalytics func()             // flushes the last clicks
}

// NewMain returns a Main writing logs to stderr.
func NewMain(stdout, stderr io.Writer) *Main {
	return &Main{log: newLogger(stderr), stdout: stdout}
}

// ParseFlags reads serve's flags and environment.
func (m *Main) ParseFlags(args []string, stderr io.Writer) error {
	fs := newFlagSet("serve", stderr)
	addEnvFlags(fs, &m.env)
	fs.StringVar(&m.Addr, "addr", envOr("RELAIS_ADDR", ":8080"), "listen address")
	fs.BoolVar(&m.Demo, "demo", false, "seed the demo Paris campaign (once) and print its logins")
	fs.StringVar(&m.ToneFile, "tone-config", os.Getenv("RELAIS_TONE_CONFIG"), "tone rules YAML (default DATA/tone.yaml when present)")
	fs.DurationVar(&m.PollEvery, "poll", 500*time.Millisecond, "job fetch poll interval")
	fs.DurationVar(&m.Rescue, "rescue-after", 2*time.Minute, "retry jobs left running this long (after a crash)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	m.BaseURL = strings.TrimSuffix(os.Getenv("RELAIS_BASE_URL"), "/")
	return nil
}

// Run opens the database, starts the scheduler and serves HTTP. It returns
// once the listener is up.
func (m *Main) Run(ctx context.Context) (err error) {
	start := time.Now()
	if err := m.open(ctx); err != nil {
		return err
	}
	checker, err := m.toneChecker()
	if err != nil {
		return err
	}
	hub, rules := ui.NewHub(), approval.ToneRules{Checker: checker}
	if m.store.Dialect() == store.DialectPostgres {
		// Replicas share live events through the database.
		relayCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
		wait := hub.Connect(relayCtx, m.store, m.log)
		m.stopRelay = func() { stop(); wait() }
	}
	reg := m.registry(m.sandbox)
	if err := m.startAnalytics(ctx); err != nil {
		return err
	}
	if err := m.startScheduler(ctx, reg, hub); err != nil {
		return err
	}
	srv := m.newServer(ctx, reg, hub, rules, checker)
	m.http = &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	go func() {
		if err := m.http.Serve(m.listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.log.Error("http server stopped", slog.Any("error", err))
		}
	}()
	// Start-up (migrations, tone lexicon expansion, templates) leaves
	// garbage behind: return it to the OS so an idle relais stays small.
	debug.FreeOSMemory()
	m.log.Info("relais ready", slog.String("addr", m.listener.Addr().String()), slog.String("database", m.store.Dialect()),
		slog.Duration("startup", time.Since(start)), slog.String("version", relais.Version))
	return nil
}

// open opens and migrates the database, seeds the demo if asked, listens,
// and opens the sandbox journal (whose receipts link to the base URL).
func (m *Main) open(ctx context.Context) (err error) {
	if m.store, err = m.env.openStore(ctx, m.log); err != nil {
		return err
	}
	if m.Demo {
		if err := m.seedDemo(ctx); err != nil {
			return err
		}
	}
	if m.listener, err = net.Listen("tcp", m.Addr); err != nil {
		return fmt.Errorf("cannot listen on %s: %w", m.Addr, err)
	}
	if m.BaseURL == "" {
		m.BaseURL = "http://" + localURLHost(m.listener.Addr())
	}
	m.sandbox, err = sandbox.New(filepath.Join(m.env.DataDir, "sandbox.jsonl"), m.BaseURL)
	return err
}

// startScheduler starts the River workers.
func (m *Main) startScheduler(ctx context.Context, reg *connectors.Registry, hub *ui.Hub) (err error) {
	m.scheduler, err = scheduler.New(scheduler.Config{Store: m.store, Connectors: reg, Events: hub, Logger: m.log,
		PollEvery: m.PollEvery, RescueAfter: m.Rescue, ShareWindow: m.ShareWindow, Mailer: m.shareKitMailer(),
		Links: m.analytics.Linker, XMetricsDailyCap: xMetricsDailyCap(), ReportSeats: m.analytics.Seats})
	if err != nil {
		return err
	}
	if err := m.scheduler.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("cannot start scheduler: %w", err)
	}
	return nil
}

// newServer builds the services and the HTTP server, and starts the sweep
// that expires lapsed approval requests.
func (m *Main) newServer(ctx context.Context, reg *connectors.Registry, hub *ui.Hub, rules approval.ToneRules, checker *tone.Checker) *ui.Server {
	authn, approvals := auth.New(m.store), approval.New(m.store, rules, m.scheduler, hub)
	authn.SetMailer(m.sendMail, m.BaseURL)
	approvals.SetNotifier(approval.MailNotifier{BaseURL: m.BaseURL, Send: m.sendMail, Log: m.log})
	approvals.SetConnectors(reg)
	approvals.SetLinkShortener(m.analytics.Linker)
	m.analytics.Posts, m.analytics.Jobs = approvals, m.scheduler
	sweepCtx, stopSweep := context.WithCancel(context.WithoutCancel(ctx))
	m.stopSweep = stopSweep
	go approvals.SweepExpired(sweepCtx, 30*time.Second, m.log)
	go authn.PurgeSessions(sweepCtx, time.Hour, m.log)
	go approvals.PurgeUploads(sweepCtx, time.Hour, m.log)
	return ui.New(ui.Config{
		Auth: authn, Approval: approvals, Tone: rules, Hub: hub,
		Ready: m.ready, Metrics: m.metrics(hub), Sandbox: m.sandbox, Logger: m.log,
		AllowedOrigins: splitList(os.Getenv("RELAIS_ALLOWED_ORIGINS")), SecureCookies: os.Getenv("RELAIS_SECURE_COOKIES") == "true",
		TrustedProxies: splitList(os.Getenv("RELAIS_TRUSTED_PROXIES")),
		Share:          share.New(m.store, rules, reg, hub), ToneRules: approval.NewToneRulesFile(m.store, checker, m.tonePath(), demo.ToneConfig),
		Analytics: m.analytics,
	})
}

// ListenAddr returns the address the server listens on.
func (m *Main) ListenAddr() string { return m.listener.Addr().String() }

// Close shuts down in order: HTTP drains (5 s), jobs stop, database closes.
func (m *Main) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var errs []error
	if m.http != nil {
		errs = append(errs, m.http.Shutdown(ctx))
	}
	if m.stopSweep != nil {
		m.stopSweep()
	}
	if m.stopRelay != nil {
		m.stopRelay()
	}
	if m.scheduler != nil {
		stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		errs = append(errs, m.scheduler.Stop(stopCtx))
	}
	if m.stopAnalytics != nil {
		m.stopAnalytics()
	}
	if m.store != nil {
		errs = append(errs, m.store.Close())
	}
	m.log.Info("relais stopped")
	return errors.Join(errs...)
}

// serveCommand runs `relais serve` until SIGINT or SIGTERM.
func serveCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	m := NewMain(stdout, stderr)
	if err := m.ParseFlags(args, stderr); err != nil {
		return err
	}
	if err := m.Run(ctx); err != nil {
		m.Close()
		return err
	}
	<-ctx.Done()
	m.log.Info("shutting down")
	return m.Close()
}
