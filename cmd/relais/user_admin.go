package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/store"
	"github.com/relais/relais/ui"
)

// userAdmin runs `relais user disable|role|password --email E`: the same
// auth.Service calls as the admin's API, as the operator. It reports
// success only once the change has committed.
func userAdmin(ctx context.Context, fs *flag.FlagSet, e *env, args []string, o cmdIO) error {
	email := fs.String("email", "", "member e-mail")
	role := fs.String("role", "", "new role (relais user role): admin, editor, community_manager, candidate or colistier")
	pwFile := fs.String("password-file", "", "file holding the new password (relais user password); without it, read from standard input")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	} else if *email == "" {
		return relais.FieldErrorf("email", "--email is required")
	} else if args[0] == "role" && *role == "" {
		return relais.FieldErrorf("role", "--role is required")
	}
	var password string
	if args[0] == "password" {
		var err error
		if password, err = readPassword(*pwFile, o.stdin, o.stderr); err != nil {
			return err
		}
	}
	return withStore(ctx, e, o.stderr, func(s *store.Store) error {
		svc := auth.New(s)
		svc.SetCloser(ui.RemoteCloser{Relay: s})
		m, err := userChange(auth.AsOperator(ctx), svc, args[0], auth.MemberRef{Email: *email}, relais.Role(*role), password)
		if err == nil {
			fmt.Fprintf(o.stdout, "member %s: %s\n", m.Email, userDone(args[0], m))
		}
		return err
	})
}

func userChange(ctx context.Context, svc *auth.Service, cmd string, who auth.MemberRef, role relais.Role, password string) (*relais.Member, error) {
	switch cmd {
	case "disable":
		return svc.DisableMember(ctx, who)
	case "role":
		return svc.SetRole(ctx, who, role)
	}
	return svc.SetMemberPassword(ctx, who, password)
}

func userDone(cmd string, m *relais.Member) string {
	switch cmd {
	case "disable":
		return "disabled; sessions, tokens and websockets ended"
	case "role":
		return "role is now " + string(m.Role)
	}
	return "password changed; sessions ended"
}

// readPassword reads the new password from file, else from stdin (one
// line, after a prompt on stderr).
func readPassword(file string, stdin io.Reader, stderr io.Writer) (string, error) {
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", relais.FieldErrorf("password-file", "Cannot read the password file: %v", err)
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
	fmt.Fprint(stderr, "New password (min. 10 characters): ")
	line, err := bufio.NewReader(io.LimitReader(stdin, 4096)).ReadString('\n')
	if err != nil && line == "" {
		return "", relais.FieldErrorf("password", "No password given on standard input.")
	}
	return strings.TrimRight(line, "\r\n"), nil
}
