package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/approval/tone"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/balance"
	"github.com/relais/relais/config"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/email"
	"github.com/relais/relais/connectors/sandbox"
	"github.com/relais/relais/demo"
	"github.com/relais/relais/push"
	"github.com/relais/relais/scheduler"
	"github.com/relais/relais/share"
	"github.com/relais/relais/store"
	"github.com/relais/relais/supporters"
	"github.com/relais/relais/ui"
	"github.com/relais/relais/video"
)

// Main is the running service, wired by hand.
type Main struct {
	cfg       *config.Config // read once at start (NewMain)
	cfgErr    error          // every problem of the environment, returned by Run
	env       env
	Addr      string
	BaseURL   string
	Demo      bool
	ToneFile  string
	PollEvery time.Duration
	Rescue    time.Duration
	Workers   int // concurrent jobs of this replica
	// ShareWindow staggers colistiers' share suggestions (default 2h).
	ShareWindow time.Duration
	// MetricsAddr, when set, serves /metrics alone on this address (and
	// not on Addr); MetricsToken, when set, lets a caller presenting it
	// read /metrics on Addr.
	MetricsAddr, MetricsToken string
	// ReadTimeout bounds how long a request (headers and body) may take to
	// arrive (default ui.ReadBodyTimeout; uploads get ui.UploadReadTimeout).
	ReadTimeout time.Duration
	// WSRecheck is how often websockets re-check their session (default
	// ui.DefaultWSRecheck).
	WSRecheck time.Duration
	// XBaseURL is the X host accounts are connected through (OAuth
	// 1.0a): X's own when empty; a fake speaking X's protocol in tests.
	XBaseURL string

	log         *slog.Logger
	stdout      io.Writer
	store       *store.Store
	scheduler   *scheduler.Scheduler
	sandbox     *sandbox.Connector
	videos      *video.Uploads // video uploads, made once (videoUploads)
	videosOnce  sync.Once
	http        *http.Server
	metricsHTTP *http.Server  // --metrics-addr
	metricsAddr string        // where metricsHTTP listens
	smtp        email.Config  // RELAIS_SMTP_*, read once at start
	mailer      *email.Mailer // the one mailer of the process
	hub         *ui.Hub
	background  sync.WaitGroup // sweeps and e-mails in flight, waited for at Close
	listener    net.Listener
	stopRelay   context.CancelFunc       // stops relaying live events between replicas
	svc         atomic.Pointer[services] // for the housekeeping chores

	analytics     *analytics.Service // tracked links, metrics, reports (issue 15)
	stopAnalytics func()             // flushes the last clicks
	// supporters runs the supporters' import, rights and share kits.
	supporters *supporters.Service
}

// NewMain returns a Main configured from the environment, writing logs to
// stderr. An invalid environment makes Run fail, listing every problem.
func NewMain(stdout, stderr io.Writer) *Main {
	cfg, err := loadConfig()
	return newMainWith(cfg, err, stdout, stderr)
}

// newMainWith returns a Main with configuration cfg; Run returns cfgErr if
// the configuration was invalid.
func newMainWith(cfg *config.Config, cfgErr error, stdout, stderr io.Writer) *Main {
	m := &Main{cfg: cfg, cfgErr: cfgErr, log: newLogger(stderr, cfg), stdout: stdout}
	m.env = env{cfg: cfg, DataDir: cfg.DataDir, DatabaseURL: cfg.DatabaseURL, SecretKey: cfg.SecretKey, OldKeys: cfg.SecretKeyOld}
	m.Addr, m.ToneFile, m.Workers = cfg.Addr, cfg.ToneConfig, cfg.Workers
	m.BaseURL, m.MetricsAddr, m.MetricsToken = cfg.BaseURL, cfg.MetricsAddr, cfg.MetricsToken
	return m
}

// ParseFlags reads serve's flags and environment.
func (m *Main) ParseFlags(args []string, stderr io.Writer) error {
	fs := newFlagSet("serve", stderr)
	addEnvFlags(fs, &m.env)
	fs.StringVar(&m.Addr, "addr", m.cfg.Addr, "listen address")
	fs.BoolVar(&m.Demo, "demo", false, "seed the demo Paris campaign (once) and print its logins")
	fs.StringVar(&m.ToneFile, "tone-config", m.cfg.ToneConfig, "tone rules YAML (default DATA/tone.yaml when present)")
	fs.DurationVar(&m.PollEvery, "poll", 500*time.Millisecond, "job fetch poll interval")
	fs.DurationVar(&m.Rescue, "rescue-after", 2*time.Minute, "retry jobs left running this long (after a crash)")
	fs.IntVar(&m.Workers, "workers", m.cfg.Workers, "jobs this replica runs at once (keep below the connection budget)")
	fs.StringVar(&m.MetricsAddr, "metrics-addr", m.cfg.MetricsAddr, "serve /metrics on this separate address only (e.g. 127.0.0.1:9090)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return nil
}

// Run opens the database, starts the scheduler and serves HTTP. It returns
// once the listener is up.
func (m *Main) Run(ctx context.Context) (err error) {
	start := time.Now()
	if m.cfgErr != nil {
		return m.cfgErr
	}
	if err := m.openMailer(); err != nil {
		return err
	}
	if err := m.open(ctx); err != nil {
		return err
	}
	checker, err := m.toneChecker()
	if err != nil {
		return err
	}
	hub, rules := ui.NewHub(), approval.ToneRules{Checker: checker}
	m.hub = hub
	if err := m.connectReplicas(ctx, hub); err != nil { // PostgreSQL: live events, audit chain
		return err
	}
	reg := m.registry(m.sandbox)
	if err := m.startAnalytics(ctx); err != nil {
		return err
	}
	if err := m.startScheduler(ctx, reg, hub); err != nil {
		return err
	}
	m.seedDemoPosts(ctx, rules, hub)
	srv := m.newServer(ctx, reg, hub, rules, checker)
	m.http = &http.Server{Handler: srv, ReadHeaderTimeout: ui.ReadHeaderTimeout, ReadTimeout: m.readTimeout(),
		IdleTimeout: 2 * time.Minute}
	if err := m.serveMetrics(hub); err != nil {
		return err
	}
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
	m.supporters = newSupporters(m.store, m.cfg, m.BaseURL)
	kits := m.shareKits(m.supporters)
	m.analytics.NewSupporters = m.newSupporterCounter()
	cfg := scheduler.Config{Store: m.store, Connectors: reg, Events: hub, Logger: m.log, PollEvery: m.PollEvery,
		RescueAfter: m.Rescue, ShareWindow: m.ShareWindow, Mailer: m.shareKitMailer(), Retention: m.supporters,
		Links: m.analytics.Linker, XMetricsDailyCap: m.cfg.XMetricsDailyCap,
		ReplicaID: replicaID(m.cfg), Housekeeping: m.chores(), Workers: m.Workers, ReportSeats: m.analytics.Seats,
		Location: m.cfg.Location, ReportSupporters: m.analytics.NewSupporters, Videos: m.videoPublisher()}
	if kits != nil {
		cfg.Kits = kits
	}
	m.scheduler, err = scheduler.New(cfg)
	if err != nil {
		return err
	}
	if err := m.scheduler.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("cannot start scheduler: %w", err)
	}
	return nil
}

// newServer builds the services and the HTTP server. Their sweeps are
// chores of the job queue (once per cluster).
func (m *Main) newServer(ctx context.Context, reg *connectors.Registry, hub *ui.Hub, rules approval.ToneRules, checker *tone.Checker) *ui.Server {
	authn, approvals := auth.New(m.store), approval.New(m.store, rules, m.scheduler, hub)
	authn.SetCloser(hub)
	approvals.SetAllowPrivateNetworks(m.allowPrivateNetworks())
	authn.SetMailer(m.sendMail, m.BaseURL)
	pushes := m.newPush()
	approvals.SetNotifier(push.Both{approval.MailNotifier{BaseURL: m.BaseURL, Send: m.sendMail, Log: m.log, Pending: &m.background}, pushes})
	approvals.SetConnectors(reg)
	if us := m.videoUploads(); us != nil {
		approvals.SetVideos(us)
	}
	if err := approvals.Relearn(ctx); err != nil { // the tone model from past decisions
		m.log.Warn("tone examples not loaded", "err", err)
	}
	approvals.SetLinkShortener(m.analytics.Linker)
	m.analytics.Posts, m.analytics.Jobs = approvals, m.scheduler
	evs := m.newEvents(approvals)
	m.analytics.FieldEvents = func(ctx context.Context, w analytics.Week) (any, error) { return evs.Report(ctx, w.From, w.To) }
	throttle := m.loginThrottle()
	authn.SetThrottle(throttle) // in the database: shared by replicas, kept across restarts
	m.svc.Store(&services{approvals: approvals, authn: authn, throttle: throttle})
	return ui.New(ui.Config{
		Auth: authn, Approval: approvals, Tone: rules, Hub: hub,
		Ready: m.ready, Metrics: m.mainMetrics(hub), MetricsToken: m.MetricsToken, Sandbox: m.sandbox, Logger: m.log,
		AllowedOrigins: m.cfg.AllowedOrigins, SecureCookies: m.cfg.SecureCookies,
		TrustedProxies: m.cfg.TrustedProxies, Districts: m.cfg.Districts, Location: m.cfg.Location, WSRecheck: m.WSRecheck, BaseURL: m.BaseURL,
		Share: share.New(m.store, rules, reg, hub), ToneRules: approval.NewToneRulesFile(m.store, checker, m.tonePath(), demo.ToneConfig),
		Analytics:  m.analytics,
		Supporters: m.supporters,
		Events:     evs, Capture: m.newCapture(approvals), Push: pushes, Videos: m.videoUploads(), Relay: m.newRelay(approvals),
		Balance: &balance.Service{Store: m.store},
		Connect: m.connectConfig(reg),
	})
}

// ListenAddr returns the address the server listens on.
func (m *Main) ListenAddr() string { return m.listener.Addr().String() }

// Close shuts down in order: HTTP drains (5 s), websockets close, sweeps
// and e-mails in flight finish, the relay and the jobs stop, and only then
// the database closes.
func (m *Main) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var errs []error
	if m.http != nil {
		errs = append(errs, m.http.Shutdown(ctx))
	}
	if m.metricsHTTP != nil {
		errs = append(errs, m.metricsHTTP.Shutdown(ctx))
	}
	if m.hub != nil {
		m.hub.CloseAll()
	}
	m.waitBackground(30 * time.Second)
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

// goBackground runs fn in a goroutine Close waits for.
func (m *Main) goBackground(fn func()) {
	m.background.Add(1)
	go func() {
		defer m.background.Done()
		fn()
	}()
}

// waitBackground waits for the background goroutines, at most limit.
func (m *Main) waitBackground(limit time.Duration) {
	done := make(chan struct{})
	go func() { m.background.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(limit):
		m.log.Warn("shutdown: background work still running", slog.Duration("waited", limit))
	}
}

// serveCommand runs `relais serve` until SIGINT or SIGTERM.
func serveCommand(ctx context.Context, cfg *config.Config, args []string, stdout, stderr io.Writer) error {
	m := newMainWith(cfg, nil, stdout, stderr)
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
