package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/relais/relais/config"
	"github.com/relais/relais/scheduler"
	"github.com/relais/relais/secret"
	"github.com/relais/relais/store"
)

// env is the configuration every command shares: the typed configuration
// read at start, and the flags that override it.
type env struct {
	cfg         *config.Config
	DataDir     string
	DatabaseURL string
	SecretKey   string
	OldKeys     string
}

// addEnvFlags registers --data and --database-url on fs, defaulting from
// e.cfg (RELAIS_DATA, RELAIS_DATABASE_URL).
func addEnvFlags(fs *flag.FlagSet, e *env) {
	fs.StringVar(&e.DataDir, "data", e.cfg.DataDir, "data directory (SQLite database, secret key, sandbox journal)")
	fs.StringVar(&e.DatabaseURL, "database-url", e.cfg.DatabaseURL, "PostgreSQL URL (postgres://...); empty for the embedded SQLite")
	e.SecretKey, e.OldKeys = e.cfg.SecretKey, e.cfg.SecretKeyOld
}

// envFlagSet returns a command's flag set, named name and writing to
// stderr, with the database flags (addEnvFlags) bound to the returned env.
func envFlagSet(cfg *config.Config, name string, stderr io.Writer) (*env, *flag.FlagSet) {
	e := &env{cfg: cfg}
	fs := newFlagSet(name, stderr)
	addEnvFlags(fs, e)
	return e, fs
}

// loadConfig reads the configuration from the process's environment: the
// one place, with package config, that reads it.
func loadConfig() (*config.Config, error) { return config.Load(os.LookupEnv) }

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// box builds the credentials box: RELAIS_SECRET_KEY, else a key file in the
// data directory, created with a warning on first run. Older keys listed in
// RELAIS_SECRET_KEY_OLD (comma-separated) still open what they sealed.
func (e *env) box(log *slog.Logger) (*secret.Box, error) {
	var keys [][]byte
	if e.SecretKey != "" {
		k, err := secret.ParseKey(e.SecretKey)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	} else {
		k, created, err := secret.LoadOrCreateKeyFile(e.DataDir)
		if err != nil {
			return nil, err
		}
		if created {
			log.Warn("RELAIS_SECRET_KEY is not set: generated a key in the data directory; set RELAIS_SECRET_KEY in production and keep it safe")
		}
		keys = append(keys, k)
	}
	for _, s := range strings.Split(e.OldKeys, ",") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		k, err := secret.ParseKey(s)
		if err != nil {
			return nil, fmt.Errorf("RELAIS_SECRET_KEY_OLD: %w", err)
		}
		keys = append(keys, k)
	}
	return secret.NewBox(keys...)
}

// openStore opens and migrates the database (relais and River schemas).
func (e *env) openStore(ctx context.Context, log *slog.Logger) (*store.Store, error) {
	box, err := e.box(log)
	if err != nil {
		return nil, err
	}
	s, err := store.Open(ctx, store.Config{DataDir: e.DataDir, DatabaseURL: e.DatabaseURL, Box: box, MaxConns: e.cfg.DBMaxConns,
		Location: e.cfg.Location})
	if err != nil {
		return nil, err
	}
	err = s.WithMigrationLock(ctx, func() error { // replicas starting together migrate in turn
		if err := s.Migrate(ctx); err != nil {
			return err
		}
		return scheduler.Migrate(ctx, s)
	})
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// newLogger builds the process logger from RELAIS_LOG_LEVEL (debug, info,
// warn, error) and RELAIS_LOG_FORMAT (text, json).
func newLogger(w io.Writer, cfg *config.Config) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogJSON {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
