package connectors

import (
	"context"
	"fmt"
	"slices"
	"strings"

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

// CheckOwner compares want, the handle an account is being saved with, to
// the account its credentials belong to (got: its handle, then any other
// name of it such as a DID), case folded. An empty want matches anything;
// a mismatch is a Permanent error naming both.
func CheckOwner(platform, want string, got ...string) error {
	if want == "" || slices.ContainsFunc(got, func(g string) bool { return strings.EqualFold(g, want) }) {
		return nil
	}
	return &Error{Platform: platform, Class: Permanent,
		Err: fmt.Errorf("%s: these credentials belong to @%s, not @%s", platform, got[0], want)}
}
