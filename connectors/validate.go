package connectors

import (
	"context"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/outbound"
)

// AccountValidator is implemented by connectors whose rules depend on the
// account: Bluesky resolves the mentioned handles on the account's PDS, a
// Mastodon-API server has its own length limits.
type AccountValidator interface {
	ValidateFor(ctx context.Context, a relais.Account, d Draft) ([]Problem, error)
}

// AccountValidateTimeout bounds the platform calls of ValidateFor at
// submit, so that a slow platform cannot hold a submission.
const AccountValidateTimeout = 5 * time.Second

// ValidateFor returns the problems c finds in d for account a: with the
// account's own rules when c implements AccountValidator, else c's
// Validate. A sandboxed account is checked offline (its platform's rules,
// no call), and when the platform cannot be reached the offline rules
// answer: the publication checks again.
func ValidateFor(ctx context.Context, c Connector, a relais.Account, d Draft) []Problem {
	v, ok := c.(AccountValidator)
	if !ok || a.BaseURL == SandboxURL {
		return c.Validate(d)
	}
	ctx, cancel := context.WithTimeout(ctx, AccountValidateTimeout)
	defer cancel()
	probs, err := v.ValidateFor(ctx, a, d)
	if err != nil {
		return c.Validate(d)
	}
	return probs
}

// CheckAccountURLs checks, when an account is saved, the URLs its user
// set: the platform base URL (SandboxURL aside) and a webhook's "url"
// credential (webhook.CredURL). Loopback, private, link-local and metadata
// addresses are refused unless allowPrivate (outbound.CheckURL); the
// client checks the resolved address again at each connection.
func CheckAccountURLs(baseURL string, creds map[string]string, allowPrivate bool) error {
	if baseURL != "" && baseURL != SandboxURL {
		if err := outbound.CheckURL(baseURL, allowPrivate); err != nil {
			return relais.FieldErrorf("base_url", "Base URL refused: %v.", err).With("error.url_refused", "value", baseURL)
		}
	}
	if u, ok := creds["url"]; ok {
		if err := outbound.CheckURL(u, allowPrivate); err != nil {
			return relais.FieldErrorf("credentials", "Webhook URL refused: %v.", err).With("error.url_refused", "value", u)
		}
	}
	return nil
}
