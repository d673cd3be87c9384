package mastodon

import (
	"context"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// Verify implements connectors.Verifier with GET
// /api/v1/accounts/verify_credentials (docs.joinmastodon.org/methods/accounts/#verify_credentials):
// the token must be valid and belong to the account's handle.
func (c *Client) Verify(ctx context.Context, a relais.Account) error {
	tok, err := token(a)
	if err != nil {
		return err
	}
	base, err := c.base(a)
	if err != nil {
		return err
	}
	var me struct {
		Username string `json:"username"`
		Acct     string `json:"acct"`
	}
	if _, err := c.get(ctx, base+"/api/v1/accounts/verify_credentials", tok, "verify credentials", &me); err != nil {
		return err
	}
	user, _, _ := strings.Cut(relais.NormalizeHandle(a.Handle), "@")
	return connectors.CheckOwner("mastodon", user, me.Username)
}
