package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/config"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
)

// accountGroup is `relais account add|reconnect|list`.
var accountGroup = group{name: "account", usage: "usage: relais account add|list ...", verbs: []verb{
	{"add", accountAdd}, {"reconnect", accountReconnect}, {"list", accountList},
}}

// accountCommand runs `relais account add|reconnect|list`.
func accountCommand(ctx context.Context, cfg *config.Config, args []string, stdout, stderr io.Writer) error {
	return accountGroup.run(ctx, cfg, args, cmdIO{stdout: stdout, stderr: stderr})
}

// accountList runs `relais account list`.
func accountList(ctx context.Context, fs *flag.FlagSet, e *env, args []string, o cmdIO) error {
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	return withStore(ctx, e, o.stderr, func(s *store.Store) error {
		return s.View(ctx, func(tx *store.Tx) error {
			as, err := tx.Accounts()
			tw := tabwriter.NewWriter(o.stdout, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tPLATFORM\tHANDLE\tOWNER\tDISTRICT\tSTATUS")
			for _, a := range as {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", a.ID, a.Platform, a.Handle, a.OwnerKind, a.District, a.Status)
			}
			tw.Flush()
			return err
		})
	})
}

// accountAddArgs are the options of `relais account add`.
type accountAddArgs struct {
	account         relais.Account
	platform, owner string
	credFile        string
	noVerify        bool
}

// parseAccountAdd reads the options of `relais account add`.
func parseAccountAdd(fs *flag.FlagSet, args []string) (accountAddArgs, error) {
	var v accountAddArgs
	stringOptions(fs,
		option{"platform", "x, bluesky, mastodon, facebook, telegram, webhook, email, sandbox", &v.platform},
		option{"handle", "account handle", &v.account.Handle},
		option{"owner", "candidate, campaign, colistier:EMAIL or district:NAME", &v.owner},
		option{"base-url", "platform API base URL (instance URL for Mastodon; fakes in tests)", &v.account.BaseURL},
		option{"credentials-file", "JSON object of credentials (tokens), stored encrypted", &v.credFile},
		option{"tone-profile", "tone profile (default from the owner kind)", &v.account.ToneProfile})
	fs.BoolVar(&v.noVerify, "no-verify", false, "store the credentials without checking them with the platform (offline set-ups)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return v, err
	}
	v.account.Platform = relais.Platform(v.platform)
	if !v.account.Platform.Valid() {
		return v, relais.FieldErrorf("platform", "unknown platform %q", v.platform)
	} else if relais.NormalizeHandle(v.account.Handle) == "" {
		return v, relais.FieldErrorf("handle", "--handle is required")
	}
	return v, nil
}

// accountAdd runs `relais account add`.
func accountAdd(ctx context.Context, fs *flag.FlagSet, e *env, args []string, o cmdIO) error {
	v, err := parseAccountAdd(fs, args)
	if err != nil {
		return err
	}
	a := v.account
	creds, err := readCredentials(v.credFile)
	if err != nil {
		return err
	} else if err := connectors.CheckAccountURLs(a.BaseURL, creds, e.cfg.AllowPrivateNetworks); err != nil {
		return err
	}
	if !v.noVerify && creds != nil {
		if err := verifyAccount(ctx, e.cfg, a, creds, o.stderr); err != nil {
			return err
		}
	}
	return withStore(ctx, e, o.stderr, func(s *store.Store) error {
		got, err := cliApproval(s, e.cfg).CreateAccount(relais.AsCLI(ctx), approval.NewAccount{Account: a, Owner: v.owner, Credentials: creds})
		if err == nil { // committed
			fmt.Fprintf(o.stdout, "account %d added: %s @%s (%s, tone profile %s)\n", got.ID, got.Platform, got.Handle, got.OwnerKind, got.ToneProfile)
		}
		return err
	})
}

// cliApproval is the approval service the command line calls, as the API
// does: no tone rules nor job queue (its account and election commands
// need neither).
func cliApproval(s *store.Store, cfg *config.Config) *approval.Service {
	svc := approval.New(s, nil, nil, nil)
	svc.SetAllowPrivateNetworks(cfg.AllowPrivateNetworks)
	return svc
}

func readCredentials(path string) (map[string]string, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, relais.FieldErrorf("credentials-file", "cannot read %s: %v", path, err)
	}
	var creds map[string]string
	if err := json.Unmarshal(b, &creds); err != nil {
		return nil, relais.FieldErrorf("credentials-file", "%s must hold a JSON object of strings: %v", path, err)
	}
	return creds, nil
}

// accountReconnect stores fresh credentials for an account and makes it
// active again (after its token expired or was revoked).
func accountReconnect(ctx context.Context, fs *flag.FlagSet, e *env, args []string, o cmdIO) error {
	handle := fs.String("handle", "", "account handle (platform:handle when ambiguous)")
	credFile := fs.String("credentials-file", "", "JSON object of the new credentials, stored encrypted")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	} else if *credFile == "" {
		return relais.FieldErrorf("credentials-file", "--credentials-file is required")
	}
	creds, err := readCredentials(*credFile)
	if err != nil {
		return err
	} else if err := connectors.CheckAccountURLs("", creds, e.cfg.AllowPrivateNetworks); err != nil {
		return err
	}
	return withStore(ctx, e, o.stderr, func(s *store.Store) error {
		var id int64
		err := s.View(ctx, func(tx *store.Tx) error {
			a, err := tx.AccountByHandle(*handle) // ENOTFOUND, or the database's error
			if err == nil {
				id = a.ID
			}
			return err
		})
		if err != nil {
			return err
		}
		a, err := cliApproval(s, e.cfg).UpdateAccount(relais.AsCLI(ctx), id, approval.AccountUpdate{Credentials: creds})
		if err == nil { // committed
			fmt.Fprintf(o.stdout, "account %d (%s @%s) reconnected\n", a.ID, a.Platform, a.Handle)
		}
		return err
	})
}
