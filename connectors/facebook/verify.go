package facebook

import (
	"context"
	"fmt"
	"net/url"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// Verify implements connectors.Verifier with one read call, GET
// /{version}/me?fields=id,name with the page access token
// (developers.facebook.com/docs/graph-api/overview: with a Page token, /me
// is the Page): the token must be valid and, when the account names a
// page id, be that page's. The token travels in the Authorization header,
// never in the URL.
func (c *Client) Verify(ctx context.Context, a relais.Account) error {
	tok := a.Credentials[CredPageToken]
	if tok == "" {
		return &connectors.Error{Platform: "facebook", Class: connectors.AuthExpired,
			Err: fmt.Errorf("facebook: a page access token is required")}
	}
	var me struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	u := c.api.Base(a) + "/" + c.version + "/me?" + url.Values{"fields": {"id,name"}}.Encode()
	if _, err := c.api.Do(ctx, httpc.Request{URL: u, Op: "verify token", Token: tok}, &me); err != nil {
		return err
	}
	if page := a.Credentials[CredPageID]; page != "" && page != me.ID {
		return &connectors.Error{Platform: "facebook", Class: connectors.Permanent,
			Err: fmt.Errorf("facebook: this token belongs to page %s (%s), not %s", me.ID, me.Name, page)}
	}
	return nil
}
