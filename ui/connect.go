package ui

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/connect"
)

// ConnectConfig lets members who manage accounts connect them from the
// browser (Settings › Accounts › Connect): OAuth for X and Mastodon, a
// token or URL checked with one harmless read call for the others.
type ConnectConfig struct {
	// Verify checks an account's credentials with its platform before it
	// is saved (the connectors' registry Verify); ok is false when the
	// platform cannot be verified.
	Verify               func(ctx context.Context, a relais.Account) (ok bool, err error)
	X                    *connect.X        // nil or unconfigured: X accounts are added from the command line
	Mastodon             *connect.Mastodon // nil: no Mastodon sign-in
	AllowPrivateNetworks bool              // RELAIS_ALLOW_PRIVATE_NETWORKS, for the URLs typed in
	States               *connect.States   // pending OAuth flows; NewStates(0) when nil
}

// connectCfg returns the configuration, with its defaults, or nil when
// the server connects no account from the browser.
func (s *Server) connectCfg() *ConnectConfig {
	c := s.cfg.Connect
	if c != nil && c.States == nil {
		c.States = connect.NewStates(0)
	}
	return c
}

// sessionKey identifies the member's session for an OAuth state without
// keeping the session token itself.
func sessionKey(r *http.Request) string {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return ""
	}
	sum := sha256.Sum256([]byte("connect-state:" + c.Value))
	return hex.EncodeToString(sum[:])
}

// callbackURL is where a platform sends the member back after she
// authorized relais: RELAIS_BASE_URL, else the address she used.
func (s *Server) callbackURL(r *http.Request, platform string) string {
	base := strings.TrimRight(s.cfg.BaseURL, "/")
	if base == "" {
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
	}
	return base + "/settings/connect/" + platform + "/callback"
}

// refusedBy is a platform's refusal of an account's credentials, in the
// reader's language (catalogue key connect.refused), with the platform's
// own message when it gave one.
func refusedBy(platform relais.Platform, err error) error {
	reason := err.Error()
	var ce *connectors.Error
	if errors.As(err, &ce) && ce.Message != "" {
		reason = connectors.Truncate(ce.Message, connectors.MaxMessageLen)
	}
	name := strings.ToUpper(string(platform[:1])) + string(platform[1:])
	return &relais.Error{Code: relais.EINVALID, Field: "credentials", Message: name + " refused these credentials: " + reason,
		Key: "connect.refused", Params: map[string]string{"platform": name, "reason": reason}}
}
