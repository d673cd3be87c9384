package x

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// Verify implements connectors.Verifier with GET /2/users/me, signed with
// the account's OAuth 1.0a credentials (docs.x.com/x-api/users/user-lookup-me):
// the tokens must be valid and belong to the account's handle.
func (c *Client) Verify(ctx context.Context, a relais.Account) error {
	hc, err := c.signedClient(ctx, a)
	if err != nil {
		return err
	}
	var me struct {
		Data struct {
			Username string `json:"username"`
		} `json:"data"`
	}
	if err := c.get(ctx, hc, c.base(a)+"/2/users/me", &me, "read account"); err != nil {
		return err
	}
	return connectors.CheckOwner("x", relais.NormalizeHandle(a.Handle), me.Data.Username)
}
