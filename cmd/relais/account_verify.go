package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/config"
	"github.com/relais/relais/connectors/platforms"
)

// verifyAccount checks new credentials with the platform (one harmless
// read call: Bluesky createSession, Mastodon verify_credentials, Telegram
// getChat, Facebook /me, X /2/users/me, a GET on a webhook) before they
// are stored. The platform's refusal is the error;
// a platform relais cannot verify yet is said so on stderr.
func verifyAccount(ctx context.Context, cfg *config.Config, a relais.Account, creds map[string]string, stderr io.Writer) error {
	a.Credentials = creds
	reg := platforms.Default(platforms.Options{Timeout: 15 * time.Second, MastodonInstance: cfg.MastodonInstance,
		AllowPrivateNetworks: cfg.AllowPrivateNetworks})
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	ok, err := reg.Verify(ctx, a)
	if err != nil {
		return &relais.Error{Code: relais.EINVALID, Field: "credentials-file",
			Message: fmt.Sprintf("%s refused these credentials for @%s: %v (use --no-verify to store them anyway)", a.Platform, a.Handle, err)}
	}
	if !ok {
		fmt.Fprintf(stderr, "credentials not verified: relais cannot check %s accounts yet\n", a.Platform)
	}
	return nil
}
