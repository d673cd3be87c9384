package main

import (
	"context"
	"fmt"
	"github.com/relais/relais/config"
	"io"

	"github.com/relais/relais/demo"
	"github.com/relais/relais/store"
)

// withStore opens the database named by the flags and runs fn.
func withStore(ctx context.Context, e *env, stderr io.Writer, fn func(s *store.Store) error) error {
	s, err := e.openStore(ctx, newLogger(stderr, e.cfg))
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

// migrateCommand runs `relais migrate`.
func migrateCommand(ctx context.Context, cfg *config.Config, args []string, stdout, stderr io.Writer) error {
	e, fs := envFlagSet(cfg, "migrate", stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return withStore(ctx, e, stderr, func(s *store.Store) error {
		fmt.Fprintf(stdout, "migrations applied (%s)\n", s.Dialect())
		return nil
	})
}

// seedCommand runs `relais seed`: the demo campaign, once.
func seedCommand(ctx context.Context, cfg *config.Config, args []string, stdout, stderr io.Writer) error {
	e, fs := envFlagSet(cfg, "seed", stderr)
	supporters := fs.Int("supporters", 2000, "demo supporters to create")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return withStore(ctx, e, stderr, func(s *store.Store) error {
		seeded, err := demo.Seed(ctx, s, *supporters)
		if err != nil {
			return err
		} else if !seeded {
			fmt.Fprintln(stdout, "database already has members: nothing seeded")
			return nil
		}
		fmt.Fprintf(stdout, "demo campaign seeded (password %s)\n", demo.Password)
		return nil
	})
}
