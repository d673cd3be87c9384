package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/email"
	"github.com/relais/relais/store"
	"github.com/relais/relais/supporters"
)

const supportersUsage = "usage: relais supporters import FILE.csv [--source NAME] [--dry-run] | export --email E | forget --email E"

// supportersCommand runs `relais supporters import|export|forget`, as the
// operator. Each prints JSON.
func supportersCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageErrorf("%s", supportersUsage)
	}
	var e env
	fs := newFlagSet("supporters "+args[0], stderr)
	addEnvFlags(fs, &e)
	rest := args[1:]
	var file string
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		file, rest = rest[0], rest[1:] // FILE.csv before the flags
	}
	source := fs.String("source", "", "import: where the file comes from (kept with each contact; stands in for a missing consent_source)")
	dry := fs.Bool("dry-run", false, "import: count what would change, write nothing")
	addr := fs.String("email", "", "export, forget: the person's address")
	if err := parseFlags(fs, rest); err != nil {
		return err
	}
	if file == "" && fs.NArg() > 0 { // flags, FILE.csv, more flags
		file = fs.Arg(0)
		if err := parseFlags(fs, fs.Args()[1:]); err != nil {
			return err
		}
	}
	if fs.NArg() > 0 {
		return usageErrorf("unexpected argument %q; %s", fs.Arg(0), supportersUsage)
	}
	ctx = supporters.AsOperator(relais.AsCLI(ctx)) // audited as relais.SystemCLI
	return withStore(ctx, &e, stderr, func(st *store.Store) error {
		svc, err := newSupporters(st, "")
		if err != nil {
			return err
		}
		switch args[0] {
		case "import":
			return importSupporters(ctx, svc, file, supporters.Options{Source: *source, DryRun: *dry}, stdout)
		case "export":
			ex, err := svc.Export(ctx, *addr)
			return printJSON(stdout, ex, err)
		case "forget":
			er, err := svc.Forget(ctx, *addr)
			return printJSON(stdout, er, err)
		}
		return usageErrorf("%s", supportersUsage)
	})
}

// importSupporters imports one file and prints the report.
func importSupporters(ctx context.Context, svc *supporters.Service, file string, opt supporters.Options, stdout io.Writer) error {
	if file == "" {
		return relais.FieldErrorf("file", "name the CSV file: relais supporters import FILE.csv")
	}
	f, err := os.Open(file)
	if err != nil {
		return relais.FieldErrorf("file", "cannot open %s: %v", file, errors.Unwrap(err))
	}
	defer f.Close()
	rep, err := svc.Import(ctx, f, opt)
	var fe *supporters.FileError
	if errors.As(err, &fe) {
		return relais.FieldErrorf("file", "%s: %s; nothing was imported", file, fe.Error())
	} else if err != nil {
		return err
	}
	return printJSON(stdout, rep, nil)
}

// printJSON prints v as indented JSON, or returns err.
func printJSON(w io.Writer, v any, err error) error {
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// newSupporters builds the supporters service from the environment:
// RELAIS_SUPPORTER_DISTRICTS, RELAIS_SUPPORTER_RETENTION, RELAIS_BASE_URL.
func newSupporters(st *store.Store, baseURL string) (*supporters.Service, error) {
	d, err := supporters.ParseDistricts(os.Getenv("RELAIS_SUPPORTER_DISTRICTS"))
	if err != nil {
		return nil, err
	}
	ret, err := parseRetention(os.Getenv("RELAIS_SUPPORTER_RETENTION"))
	if err != nil {
		return nil, err
	}
	if baseURL == "" {
		baseURL = strings.TrimSuffix(os.Getenv("RELAIS_BASE_URL"), "/")
	}
	return supporters.New(st, supporters.Config{Districts: d, Retention: ret, BaseURL: baseURL}), nil
}

// parseRetention reads "6mo", "180d" or a Go duration ("4320h"); empty is
// the default (six months).
func parseRetention(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("RELAIS_SUPPORTER_RETENTION must be like 6mo, 180d or 4320h (got %q)", s)
	switch {
	case s == "":
		return 0, nil
	case strings.HasSuffix(s, "mo"):
		n, err := strconv.Atoi(strings.TrimSuffix(s, "mo"))
		if err != nil || n <= 0 {
			return 0, bad
		}
		return time.Duration(n) * 30 * 24 * time.Hour, nil
	case strings.HasSuffix(s, "d"):
		n, err := strconv.Atoi(strings.TrimSuffix(s, "d"))
		if err != nil || n <= 0 {
			return 0, bad
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, bad
	}
	return d, nil
}

// shareKits returns the exactly-once share-kit sender through
// RELAIS_SMTP_* (at most RELAIS_SMTP_RATE messages a minute), or nil when
// RELAIS_SMTP_HOST is unset.
func (m *Main) shareKits(svc *supporters.Service) (*supporters.Kits, error) {
	if os.Getenv("RELAIS_SMTP_HOST") == "" {
		return nil, nil
	}
	rate := 0
	if v := os.Getenv("RELAIS_SMTP_RATE"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("RELAIS_SMTP_RATE must be a number of messages per minute (got %q)", v)
		}
		rate = n
	}
	port, _ := strconv.Atoi(os.Getenv("RELAIS_SMTP_PORT"))
	cfg := email.Config{Host: os.Getenv("RELAIS_SMTP_HOST"), Port: port, Username: os.Getenv("RELAIS_SMTP_USERNAME"),
		Password: os.Getenv("RELAIS_SMTP_PASSWORD"), From: os.Getenv("RELAIS_SMTP_FROM"), TLS: os.Getenv("RELAIS_SMTP_TLS")}
	return supporters.NewKits(svc, cfg, rate, m.log.With(slog.String("component", "share-kits"))), nil
}
