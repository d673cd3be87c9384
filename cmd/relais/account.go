package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/outbound"
	"github.com/relais/relais/store"
)

// accountCommand runs `relais account add|list`.
func accountCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: relais account add|list ...")
	}
	var e env
	fs := newFlagSet("account "+args[0], stderr)
	addEnvFlags(fs, &e)
	switch args[0] {
	case "add":
		return accountAdd(ctx, fs, &e, args[1:], stdout, stderr)
	case "reconnect":
		return accountReconnect(ctx, fs, &e, args[1:], stdout, stderr)
	case "list":
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		return withStore(ctx, &e, stderr, func(s *store.Store) error {
			return s.View(ctx, func(tx *store.Tx) error {
				as, err := tx.Accounts()
				tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tPLATFORM\tHANDLE\tOWNER\tDISTRICT\tSTATUS")
				for _, a := range as {
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", a.ID, a.Platform, a.Handle, a.OwnerKind, a.District, a.Status)
				}
				tw.Flush()
				return err
			})
		})
	}
	return fmt.Errorf("unknown account command %q (add, reconnect, list)", args[0])
}

func accountAdd(ctx context.Context, fs *flag.FlagSet, e *env, args []string, stdout, stderr io.Writer) error {
	platform := fs.String("platform", "", "x, bluesky, mastodon, facebook, telegram, webhook, email, sandbox")
	handle := fs.String("handle", "", "account handle")
	owner := fs.String("owner", "", "candidate, campaign, colistier:EMAIL or district:NAME")
	baseURL := fs.String("base-url", "", "platform API base URL (instance URL for Mastodon; fakes in tests)")
	credFile := fs.String("credentials-file", "", "JSON object of credentials (tokens), stored encrypted")
	profile := fs.String("tone-profile", "", "tone profile (default from the owner kind)")
	noVerify := fs.Bool("no-verify", false, "store the credentials without checking them with the platform (offline set-ups)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	a := &relais.Account{Platform: relais.Platform(*platform), Handle: *handle, BaseURL: *baseURL, ToneProfile: *profile}
	if !a.Platform.Valid() {
		return relais.FieldErrorf("platform", "unknown platform %q", *platform)
	} else if relais.NormalizeHandle(a.Handle) == "" {
		return relais.FieldErrorf("handle", "--handle is required")
	}
	creds, err := readCredentials(*credFile)
	if err != nil {
		return err
	} else if err := connectors.CheckAccountURLs(a.BaseURL, creds, outbound.AllowPrivateFromEnv()); err != nil {
		return err
	}
	if !*noVerify && creds != nil {
		if err := verifyAccount(ctx, *a, creds, stderr); err != nil {
			return err
		}
	}
	return withStore(ctx, e, stderr, func(s *store.Store) error {
		return s.Update(ctx, func(tx *store.Tx) error {
			if err := setOwner(tx, a, *owner); err != nil {
				return err
			}
			if err := tx.CreateAccount(a, creds); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "account %d added: %s @%s (%s, tone profile %s)\n", a.ID, a.Platform, a.Handle, a.OwnerKind, a.ToneProfile)
			return tx.AppendAudit(&relais.AuditEntry{Actor: "cli", Action: "account.add",
				Detail: fmt.Sprintf("%s @%s owner %s", a.Platform, a.Handle, *owner)})
		})
	})
}

// setOwner parses candidate, campaign, colistier:EMAIL or district:NAME.
func setOwner(tx *store.Tx, a *relais.Account, owner string) error {
	kind, arg, _ := strings.Cut(owner, ":")
	a.OwnerKind = relais.OwnerKind(kind)
	switch {
	case a.OwnerKind == relais.OwnerColistier:
		m, _, err := tx.MemberByEmail(arg)
		if err != nil {
			return relais.FieldErrorf("owner", "no member with e-mail %q", arg)
		}
		a.OwnerMemberID, a.District = m.ID, m.District
	case a.OwnerKind == relais.OwnerDistrict:
		if strings.TrimSpace(arg) == "" {
			return relais.FieldErrorf("owner", "district:NAME needs a name")
		}
		a.District = arg
	case a.OwnerKind == relais.OwnerCandidate:
		cs, err := tx.MembersByRole(relais.RoleCandidate) // the candidate owns her accounts
		if err == nil && len(cs) > 0 {
			a.OwnerMemberID = cs[0].ID
		}
	case a.OwnerKind != relais.OwnerCampaign:
		return relais.FieldErrorf("owner", "owner must be candidate, campaign, colistier:EMAIL or district:NAME (got %q)", owner)
	}
	return nil
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
func accountReconnect(ctx context.Context, fs *flag.FlagSet, e *env, args []string, stdout, stderr io.Writer) error {
	handle := fs.String("handle", "", "account handle (platform:handle when ambiguous)")
	credFile := fs.String("credentials-file", "", "JSON object of the new credentials, stored encrypted")
	if err := fs.Parse(args); err != nil {
		return err
	} else if *credFile == "" {
		return relais.FieldErrorf("credentials-file", "--credentials-file is required")
	}
	creds, err := readCredentials(*credFile)
	if err != nil {
		return err
	} else if err := connectors.CheckAccountURLs("", creds, outbound.AllowPrivateFromEnv()); err != nil {
		return err
	}
	return withStore(ctx, e, stderr, func(s *store.Store) error {
		return s.Update(ctx, func(tx *store.Tx) error {
			a, err := tx.AccountByHandle(*handle)
			if err != nil {
				return relais.FieldErrorf("handle", "no account %q", *handle)
			}
			if err := tx.MergeCredentials(a.ID, creds); err != nil {
				return err
			}
			if err := tx.SetAccountStatus(a.ID, relais.AccountActive); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "account %d (%s @%s) reconnected\n", a.ID, a.Platform, a.Handle)
			return tx.AppendAudit(&relais.AuditEntry{Actor: "cli", Action: "account.reconnect",
				Detail: fmt.Sprintf("%s @%s", a.Platform, a.Handle)})
		})
	})
}
