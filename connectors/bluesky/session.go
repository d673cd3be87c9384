package bluesky

import (
	"context"
	"fmt"

	"github.com/bluesky-social/indigo/api/atproto"
	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// session is a signed-in session, cached per account with the server and
// credentials it came from (origin).
type session struct {
	access, refresh, did string
	origin               string
}

// origin names the server and credentials of a: a session cached for
// other ones (the account reconnected, moved to another PDS) is never
// used, nor sent to the new server.
func (c *Client) origin(a relais.Account) string {
	return c.host(a) + "\n" + a.Credentials[CredIdentifier] + "\n" + a.Credentials[CredAppPassword]
}

// authed runs fn with a client authenticated as a. When the access token
// has expired (400 ExpiredToken), it refreshes the session and runs fn once
// more: the first call was refused, so repeating it cannot duplicate.
func (c *Client) authed(ctx context.Context, a relais.Account, fn func(x xrpc, did string) error) error {
	s, err := c.session(ctx, a)
	if err != nil {
		return err
	}
	err = fn(c.client(a, s.access), s.did)
	if !isTokenError(errName(err)) {
		return err
	}
	if s, err = c.renew(ctx, a, s); err != nil {
		return err
	}
	return fn(c.client(a, s.access), s.did)
}

func (c *Client) client(a relais.Account, token string) xrpc {
	return xrpc{api: c.api, host: c.host(a), token: token}
}

// session returns the cached session of a, the one saved in its
// credentials, or a new one.
func (c *Client) session(ctx context.Context, a relais.Account) (session, error) {
	c.mu.Lock()
	s, ok := c.sessions[a.ID]
	c.mu.Unlock()
	if ok && s.origin == c.origin(a) {
		return s, nil
	}
	cr := a.Credentials
	if cr[CredAccessJwt] != "" && cr[CredRefreshJwt] != "" && cr[CredDID] != "" {
		s = session{access: cr[CredAccessJwt], refresh: cr[CredRefreshJwt], did: cr[CredDID]}
		c.store(a, s, false)
		return s, nil
	}
	return c.login(ctx, a)
}

// renew refreshes s with its refresh token, or logs in again with the app
// password when the refresh token is dead too.
func (c *Client) renew(ctx context.Context, a relais.Account, s session) (session, error) {
	out, err := atproto.ServerRefreshSession(ctx, c.client(a, s.refresh))
	if err == nil {
		s = session{access: out.AccessJwt, refresh: out.RefreshJwt, did: out.Did}
		c.store(a, s, true)
		return s, nil
	} else if connectors.ClassOf(err) != connectors.AuthExpired {
		return session{}, err
	}
	return c.login(ctx, a)
}

// login creates a session with the app password (createSession is limited
// to 30 per 5 minutes and 300 per day: sessions are cached and refreshed).
func (c *Client) login(ctx context.Context, a relais.Account) (session, error) {
	id, pw := a.Credentials[CredIdentifier], a.Credentials[CredAppPassword]
	if id == "" || pw == "" {
		return session{}, &connectors.Error{Platform: "bluesky", Class: connectors.AuthExpired,
			Err: fmt.Errorf("bluesky: account %d has no identifier or app password: reconnect it", a.ID)}
	}
	out, err := atproto.ServerCreateSession(ctx, c.client(a, ""), &atproto.ServerCreateSession_Input{Identifier: id, Password: pw})
	if err != nil {
		return session{}, err
	}
	s := session{access: out.AccessJwt, refresh: out.RefreshJwt, did: out.Did}
	c.store(a, s, true)
	return s, nil
}

// store caches s and, when it is new, hands it to OnSession.
func (c *Client) store(a relais.Account, s session, fresh bool) {
	s.origin = c.origin(a)
	c.mu.Lock()
	c.sessions[a.ID] = s
	c.mu.Unlock()
	if fresh && c.OnSession != nil {
		c.OnSession(a.ID, s.access, s.refresh, s.did)
	}
}
