// Command relais runs the relais service and its administration commands.
//
//	relais serve [--addr :8080] [--data DIR] [--demo]
//	relais migrate | seed | version
//	relais user add|token ...    relais account add|list ...
//	relais post list             relais audit verify|export ...
//	relais tone check ...        relais text check ...
//	relais secret rotate
//
// Every command reads --data / RELAIS_DATA and RELAIS_DATABASE_URL.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/relais/relais"
	"github.com/relais/relais/config"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "relais:", message(err))
		}
		os.Exit(exitCode(err))
	}
}

// message returns what to tell the user about err.
func message(err error) string {
	var e *relais.Error
	if errors.As(err, &e) {
		if e.Field != "" {
			return e.Field + ": " + e.Message
		}
		return e.Message
	}
	return err.Error()
}

const usage = `relais: social media for political campaigns

Usage:
  relais serve [--addr :8080] [--data DIR] [--demo]   run the dashboard, API and scheduler
  relais migrate                                       apply database migrations
  relais seed                                          seed the demo Paris campaign (once)
  relais user add --email E --name N --role R [--password P]
  relais user token --email E [--revoke] [--calendar]
  relais account add --platform P --handle H --owner candidate|campaign|colistier:EMAIL|district:NAME
                     [--base-url URL] [--credentials-file F]
  relais account reconnect --handle H --credentials-file F
  relais account list
  relais post list [--state S]
  relais audit verify [--head ID:HASH] | relais audit export --from DATE --to DATE
  relais tone check [--config F] [--profile P] [--jsonl] [TEXT]
  relais text check --platform P [--jsonl] [TEXT]
  relais secret rotate
  relais supporters import FILE.csv [--source NAME] [--dry-run]
  relais supporters export --email E | relais supporters forget --email E
  relais election add --day YYYY-MM-DD [--polls-close 20:00] [--name N]
  relais version

Environment: RELAIS_DATA, RELAIS_DATABASE_URL, RELAIS_SECRET_KEY, RELAIS_ADDR,
RELAIS_BASE_URL, RELAIS_TIMEZONE, RELAIS_DISTRICTS, RELAIS_SMTP_*... (every
variable: docs/CONFIG.md). A bad value stops relais, naming the variable.
`

// run dispatches to a command.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return flag.ErrHelp
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "tone":
		return toneCommand(rest, stdin, stdout, stderr)
	case "text":
		return textCommand(rest, stdin, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "relais", relais.Version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	cfg, err := loadConfig() // once; every problem at once
	if err != nil {
		return err
	}
	return runWith(ctx, cfg, cmd, rest, stdin, stdout, stderr)
}

// configCommand is a command that needs the configuration.
type configCommand func(ctx context.Context, cfg *config.Config, args []string, stdout, stderr io.Writer) error

// configCommands are the commands that need the configuration, by name;
// `user`, which also reads standard input, is dispatched by runWith.
var configCommands = map[string]configCommand{
	"serve": serveCommand, "migrate": migrateCommand, "seed": seedCommand,
	"account": accountCommand, "post": postCommand, "audit": auditCommand,
	"election": electionCommand, "secret": secretCommand, "supporters": supportersCommand,
}

// runWith dispatches to a command that needs the configuration.
func runWith(ctx context.Context, cfg *config.Config, cmd string, rest []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if cmd == "user" {
		return userCommand(ctx, cfg, rest, stdin, stdout, stderr)
	} else if c, ok := configCommands[cmd]; ok {
		return c(ctx, cfg, rest, stdout, stderr)
	}
	fmt.Fprint(stderr, usage)
	return usageErrorf("unknown command %q", cmd)
}
