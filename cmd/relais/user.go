package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/relais/relais"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/config"
	"github.com/relais/relais/store"
)

// userGroup is `relais user add|token|disable|role|password`.
var userGroup = group{name: "user", usage: "usage: relais user add|token|disable|role|password ...", verbs: []verb{
	{"add", userAdd}, {"token", userToken}, {"disable", userAdmin}, {"role", userAdmin}, {"password", userAdmin},
}}

// userCommand runs `relais user add|token|disable|role|password`.
func userCommand(ctx context.Context, cfg *config.Config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return userGroup.run(ctx, cfg, args, cmdIO{stdin, stdout, stderr})
}

// userAdd runs `relais user add`.
func userAdd(ctx context.Context, fs *flag.FlagSet, e *env, args []string, o cmdIO) error {
	var m relais.Member
	var role, password string
	stringOptions(fs,
		option{"email", "member e-mail", &m.Email},
		option{"name", "display name", &m.Name},
		option{"role", "admin, editor, community_manager, candidate or colistier", &role},
		option{"password", "password (min. 10 characters); without it the member cannot sign in yet", &password},
		option{"district", "district (colistiers, web leads)", &m.District})
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	m.Role = relais.Role(role)
	if err := auth.ValidateMember(&m, password); err != nil {
		return err
	}
	return withStore(ctx, e, o.stderr, func(s *store.Store) error {
		if err := auth.New(s).AddMember(relais.AsCLI(ctx), &m, password); err != nil {
			return err
		}
		fmt.Fprintf(o.stdout, "member %d added: %s <%s> (%s)\n", m.ID, m.Name, m.Email, m.Role)
		return nil
	})
}

// userToken runs `relais user token [--revoke]`.
func userToken(ctx context.Context, fs *flag.FlagSet, e *env, args []string, o cmdIO) error {
	email := fs.String("email", "", "member e-mail")
	revoke := fs.Bool("revoke", false, "revoke every token of the member instead")
	calendar := fs.Bool("calendar", false, "a read-only calendar feed token (/calendar.ics?token=…)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	} else if *email == "" {
		return relais.FieldErrorf("email", "--email is required")
	}
	ctx = relais.AsCLI(ctx) // audited as the operator, as the API's calls are
	return withStore(ctx, e, o.stderr, func(s *store.Store) error {
		svc := auth.New(s)
		if *revoke {
			n, err := svc.RevokeTokens(ctx, *email)
			if err == nil { // committed
				fmt.Fprintf(o.stdout, "%d token(s) revoked\n", n)
			}
			return err
		}
		issue := svc.IssueToken
		if *calendar {
			issue = svc.IssueCalendarToken
		}
		tok, err := issue(ctx, *email)
		if err == nil { // committed
			fmt.Fprintln(o.stdout, tok)
		}
		return err
	})
}
