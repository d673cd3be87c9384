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
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/approval/tone"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/bluesky"
	"github.com/relais/relais/connectors/email"
	"github.com/relais/relais/connectors/platforms"
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
	if m.store, err = m.env.openStore(ctx, m.log); err != nil {
		return err
	}
	if m.Demo {
		if err := m.seedDemo(ctx); err != nil {
			return err
		}
	}
	checker, err := m.toneChecker()
	if err != nil {
		return err
	}
	if m.listener, err = net.Listen("tcp", m.Addr); err != nil {
		return fmt.Errorf("cannot listen on %s: %w", m.Addr, err)
	}
	if m.BaseURL == "" {
		m.BaseURL = "http://" + localURLHost(m.listener.Addr())
	}
	sb, err := sandbox.New(filepath.Join(m.env.DataDir, "sandbox.jsonl"), m.BaseURL)
	if err != nil {
		return err
	}
	m.sandbox = sb
	hub := ui.NewHub()
	rules := approval.ToneRules{Checker: checker}
	reg := m.registry(sb)
	if m.scheduler, err = scheduler.New(scheduler.Config{Store: m.store, Connectors: reg, Events: hub,
		Logger: m.log, PollEvery: m.PollEvery, RescueAfter: m.Rescue, ShareWindow: m.ShareWindow, Mailer: m.shareKitMailer()}); err != nil {
		return err
	}
	if err := m.scheduler.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("cannot start scheduler: %w", err)
	}
	authn, approvals := auth.New(m.store), approval.New(m.store, rules, m.scheduler, hub)
	authn.SetMailer(m.sendMail, m.BaseURL)
	approvals.SetNotifier(approval.MailNotifier{BaseURL: m.BaseURL, Send: m.sendMail, Log: m.log})
	approvals.SetConnectors(reg)
	sweepCtx, stopSweep := context.WithCancel(context.WithoutCancel(ctx))
	m.stopSweep = stopSweep
	go approvals.SweepExpired(sweepCtx, 30*time.Second, m.log)
	srv := ui.New(ui.Config{
		Auth: authn, Approval: approvals, Tone: rules, Hub: hub,
		Ready: m.ready, Metrics: m.metrics(hub), Sandbox: sb, Logger: m.log,
		AllowedOrigins: splitList(os.Getenv("RELAIS_ALLOWED_ORIGINS")), SecureCookies: os.Getenv("RELAIS_SECURE_COOKIES") == "true",
		Share: share.New(m.store, rules, reg, hub), Store: m.store, ToneChecker: checker, ToneConfigPath: m.tonePath(),
	})
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
	if m.scheduler != nil {
		stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		errs = append(errs, m.scheduler.Stop(stopCtx))
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

// registry builds every platform connector; RELAIS_SMTP_* configure mail
// and RELAIS_MASTODON_INSTANCE the default Mastodon instance.
func (m *Main) registry(sb *sandbox.Connector) *connectors.Registry {
	port, _ := strconv.Atoi(os.Getenv("RELAIS_SMTP_PORT"))
	return platforms.Default(platforms.Options{
		Sandbox:          sb,
		MastodonInstance: os.Getenv("RELAIS_MASTODON_INSTANCE"),
		SMTP: email.Config{Host: os.Getenv("RELAIS_SMTP_HOST"), Port: port, Username: os.Getenv("RELAIS_SMTP_USERNAME"),
			Password: os.Getenv("RELAIS_SMTP_PASSWORD"), From: os.Getenv("RELAIS_SMTP_FROM"), TLS: os.Getenv("RELAIS_SMTP_TLS")},
		OnBlueskySession: m.saveBlueskySession,
	})
}

// sendMail e-mails approval alerts and invitations through RELAIS_SMTP_*.
func (m *Main) sendMail(ctx context.Context, to, subject, text string) error {
	port, _ := strconv.Atoi(os.Getenv("RELAIS_SMTP_PORT"))
	mailer := email.NewMailer(email.Config{Host: os.Getenv("RELAIS_SMTP_HOST"), Port: port, Username: os.Getenv("RELAIS_SMTP_USERNAME"),
		Password: os.Getenv("RELAIS_SMTP_PASSWORD"), From: os.Getenv("RELAIS_SMTP_FROM"), TLS: os.Getenv("RELAIS_SMTP_TLS")})
	return mailer.Send(ctx, email.Message{To: []string{to}, Subject: subject, Text: text})
}

// saveBlueskySession persists refreshed Bluesky tokens in the account's
// encrypted credentials.
func (m *Main) saveBlueskySession(accountID int64, access, refresh string) {
	err := m.store.Update(context.Background(), func(tx *store.Tx) error {
		return tx.MergeCredentials(accountID, map[string]string{bluesky.CredAccessJwt: access, bluesky.CredRefreshJwt: refresh})
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

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
