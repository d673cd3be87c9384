package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/config"
	"github.com/relais/relais/store"
	"github.com/relais/relais/supporters"
)

const supportersUsage = "usage: relais supporters import FILE.csv [--source NAME] [--dry-run] | export --email E | forget --email E"

// supportersCommand runs `relais supporters import|export|forget`, as the
// operator. Each prints JSON.
func supportersCommand(ctx context.Context, cfg *config.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageErrorf("%s", supportersUsage)
	}
	e := env{cfg: cfg}
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
		svc := newSupporters(st, cfg, "")
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

// newSupporters builds the supporters service from the configuration:
// RELAIS_SUPPORTER_DISTRICTS, RELAIS_SUPPORTER_RETENTION, RELAIS_BASE_URL
// (unless baseURL is given).
func newSupporters(st *store.Store, cfg *config.Config, baseURL string) *supporters.Service {
	if baseURL == "" {
		baseURL = cfg.BaseURL
	}
	return supporters.New(st, supporters.Config{Districts: cfg.SupporterDistricts, Retention: cfg.SupporterRetention, BaseURL: baseURL})
}

// shareKits returns the exactly-once share-kit sender through
// RELAIS_SMTP_* (at most RELAIS_SMTP_RATE messages a minute), or nil when
// RELAIS_SMTP_HOST is unset. Its links are tracked (channel "supporter").
func (m *Main) shareKits(svc *supporters.Service) *supporters.Kits {
	if m.cfg.SMTP.Host == "" {
		return nil
	}
	k := supporters.NewKits(svc, m.smtp, m.cfg.SMTP.Rate, m.log.With(slog.String("component", "share-kits")))
	if m.analytics != nil {
		k.SetLinker(m.analytics.Linker)
	}
	return k
}
