package connectors

import (
	"context"

	"github.com/relais/relais"
)

// Verifier is implemented by connectors that can check an account's
// credentials with one harmless read call before it is saved (Bluesky:
// createSession; Mastodon: verify_credentials; Telegram: getChat;
// Facebook: /me; X: /2/users/me; webhooks: a GET that posts nothing), so
// that a wrong password is refused when the account is connected, not at
// its first publication.
type Verifier interface {
	Verify(ctx context.Context, a relais.Account) error
}

// Verify checks a's credentials with its platform's connector when that
// connector is a Verifier; ok is false when it cannot verify.
func (r *Registry) Verify(ctx context.Context, a relais.Account) (ok bool, err error) {
	c, err := r.Get(a.Platform)
	if err != nil {
		return false, err
	}
	v, ok := c.(Verifier)
	if !ok {
		return false, nil
	}
	return true, v.Verify(ctx, a)
}
