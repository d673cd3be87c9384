package bluesky

import (
	"context"
	"fmt"

	"github.com/bluesky-social/indigo/api/atproto"
	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// Verify implements connectors.Verifier: it creates a session with the
// handle (or identifier) and app password and checks that the PDS names
// the same account (com.atproto.server.createSession). The session is
// not cached: the account is not saved yet. The account's DID, which
// stays when its handle changes or it moves to another PDS, is recorded
// in a.Credentials (CredDID) when that map is set, for the caller to
// keep and compare (a reconnection must be the same DID).
func (c *Client) Verify(ctx context.Context, a relais.Account) error {
	id, pw := a.Credentials[CredIdentifier], a.Credentials[CredAppPassword]
	if id == "" {
		id = a.Handle
	}
	if pw == "" {
		return &connectors.Error{Platform: "bluesky", Class: connectors.AuthExpired, Err: fmt.Errorf("bluesky: an app password is required")}
	}
	out, err := atproto.ServerCreateSession(ctx, c.client(a, ""), &atproto.ServerCreateSession_Input{Identifier: id, Password: pw})
	if err != nil {
		return err
	}
	if err := connectors.CheckOwner("bluesky", relais.NormalizeHandle(a.Handle), out.Handle, out.Did); err != nil {
		return err
	}
	if a.Credentials != nil {
		a.Credentials[CredDID] = out.Did
	}
	return nil
}
