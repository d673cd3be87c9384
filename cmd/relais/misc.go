package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/relais/relais"
	"github.com/relais/relais/config"
	"github.com/relais/relais/store"
)

// postCommand runs `relais post list [--state S]`.
func postCommand(ctx context.Context, cfg *config.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "list" {
		return usageErrorf("usage: relais post list [--state S]")
	}
	e, fs := envFlagSet(cfg, "post list", stderr)
	state := fs.String("state", "", "only posts in this state")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	var f store.PostFilter
	if *state != "" {
		f.States = []relais.PostState{relais.PostState(*state)}
	}
	return withStore(ctx, e, stderr, func(s *store.Store) error {
		return s.View(ctx, func(tx *store.Tx) error {
			ps, err := tx.Posts(f)
			tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSTATE\tSCHEDULED\tTEXT")
			for _, p := range ps {
				when := "-"
				if p.ScheduledAt != nil {
					when = p.ScheduledAt.In(s.Location()).Format("2006-01-02 15:04")
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", p.ID, p.State, when, oneLine(p.Text, 60))
			}
			tw.Flush()
			return err
		})
	})
}

func oneLine(s string, n int) string {
	r := []rune(s)
	for i, c := range r {
		if c == '\n' {
			r[i] = ' '
		}
	}
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return string(r)
}

// electionCommand runs `relais election add|list`.
func electionCommand(ctx context.Context, cfg *config.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "list") {
		return usageErrorf("usage: relais election add --day YYYY-MM-DD [--polls-close HH:MM] [--name N] | relais election list")
	}
	e, fs := envFlagSet(cfg, "election "+args[0], stderr)
	day := fs.String("day", "", "voting day (YYYY-MM-DD)")
	closeAt := fs.String("polls-close", "20:00", "closing time of the polls (HH:MM, campaign time zone: RELAIS_TIMEZONE)")
	name := fs.String("name", "", "round name, e.g. \"1er tour\"")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	return withStore(ctx, e, stderr, func(s *store.Store) error {
		if args[0] == "add" { // the API's service, as the operator; lists once committed
			r := relais.ElectionRound{Name: *name, Day: *day, PollsClose: *closeAt}
			if _, err := cliApproval(s, e.cfg).AddElectionRound(relais.AsCLI(ctx), r); err != nil {
				return err
			}
		}
		return s.View(ctx, func(tx *store.Tx) error {
			b, err := tx.Blackout()
			for _, r := range b.Rounds {
				loc := s.Location()
				start, end, _ := r.Window(loc)
				fmt.Fprintf(stdout, "%s %s: blackout %s → %s\n", r.Day, r.Name,
					start.In(loc).Format("2006-01-02 15:04"), end.In(loc).Format("2006-01-02 15:04 MST"))
			}
			return err
		})
	})
}

// secretCommand runs `relais secret rotate`: re-encrypts every account's
// credentials with RELAIS_SECRET_KEY, opening them with the keys listed in
// RELAIS_SECRET_KEY_OLD.
func secretCommand(ctx context.Context, cfg *config.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "rotate" {
		return usageErrorf("usage: RELAIS_SECRET_KEY=new RELAIS_SECRET_KEY_OLD=old relais secret rotate")
	}
	e, fs := envFlagSet(cfg, "secret rotate", stderr)
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	return withStore(ctx, e, stderr, func(s *store.Store) error {
		var n int
		err := s.Update(ctx, func(tx *store.Tx) error {
			var err error
			if n, err = tx.RotateCredentials(); err != nil {
				return err
			}
			return tx.AppendAudit(&relais.AuditEntry{Actor: relais.SystemCLI, Action: "secret.rotate",
				Detail: fmt.Sprintf("%d account credential(s) re-encrypted", n)})
		})
		if err == nil { // committed
			fmt.Fprintf(stdout, "%d account credential(s) re-encrypted with the current key\n", n)
		}
		return err
	})
}
