package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/connect"
	"github.com/relais/relais/policy"
)

// startX starts X's three-legged OAuth: a state bound to the session goes
// into the callback URL, the request token is kept with it, and the member
// is sent to X to authorize relais.
func (s *Server) startX(w http.ResponseWriter, r *http.Request, f connectForm) error {
	c := s.connectCfg()
	if !c.X.Configured() {
		return &relais.Error{Code: relais.EINVALID, Field: "platform", Message: "X is not configured.", Key: "connect.x_unconfigured"}
	}
	state, err := c.States.Issue(sessionKey(r), nil)
	if err != nil {
		return err
	}
	auth, tok, secret, err := c.X.Start(s.callbackURL(r, "x") + "?state=" + state)
	if err != nil {
		return err
	}
	c.States.Set(state, map[string]string{"platform": "x", "owner": f.Owner, "token": tok, "secret": secret,
		"reconnect": strconv.FormatInt(f.Reconnect, 10)})
	http.Redirect(w, r, auth, http.StatusSeeOther)
	return nil
}

// startMastodon registers relais on the instance typed and sends the
// member there to authorize it.
func (s *Server) startMastodon(w http.ResponseWriter, r *http.Request, f connectForm) error {
	c := s.connectCfg()
	if f.BaseURL == "" {
		return relais.FieldErrorf("base_url", "This field is required.")
	} else if err := connectors.CheckAccountURLs(f.BaseURL, nil, c.AllowPrivateNetworks); err != nil {
		return err
	} else if c.Mastodon == nil {
		return relais.Errorf(relais.ENOTFOUND, "Mastodon sign-in is not enabled.")
	}
	redirect := s.callbackURL(r, "mastodon")
	app, err := c.Mastodon.Register(r.Context(), f.BaseURL, redirect)
	if err != nil {
		return err
	}
	state, err := c.States.Issue(sessionKey(r), map[string]string{"platform": "mastodon", "owner": f.Owner, "reconnect": strconv.FormatInt(f.Reconnect, 10),
		"instance": f.BaseURL, "client_id": app.ClientID, "client_secret": app.ClientSecret})
	if err != nil {
		return err
	}
	http.Redirect(w, r, c.Mastodon.AuthorizeURL(f.BaseURL, app, redirect, state), http.StatusSeeOther)
	return nil
}

// handleConnectCallback handles GET /settings/connect/{platform}/callback:
// the state must be the one issued to this session for this platform,
// unused and fresh; the account read with the new token is then saved.
func (s *Server) handleConnectCallback(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("platform")
	p := connectPage{Page: s.newPage(w, r, "connect.title", "settings"), FormFor: name}
	if !p.Can(policy.AccountsManage) {
		s.renderConnect(w, r, http.StatusForbidden, p) // refuses it
		return
	}
	if err := s.finishOAuth(w, r, name); err != nil {
		p.FormErr = pageErrorText(p.Lang, p.Location(), err)
		s.renderConnect(w, r, statusOf[relais.ErrorCode(err)], p)
	}
}

func (s *Server) finishOAuth(w http.ResponseWriter, r *http.Request, name string) error {
	c := s.connectCfg()
	if c == nil {
		return relais.Errorf(relais.ENOTFOUND, "Connecting accounts from the browser is not enabled.")
	}
	q := r.URL.Query()
	st, ok := c.States.Take(q.Get("state"), sessionKey(r))
	if !ok || st["platform"] != name {
		return &relais.Error{Code: relais.EINVALID, Field: "state", Message: "This connection link is expired or was not started here.", Key: "connect.bad_state"}
	} else if q.Get("error") != "" || q.Get("denied") != "" {
		return &relais.Error{Code: relais.EINVALID, Field: "credentials", Message: "The connection was cancelled on the platform.", Key: "connect.denied"}
	}
	var res connect.Result
	var err error
	switch name {
	case "x":
		if q.Get("oauth_token") != st["token"] {
			return &relais.Error{Code: relais.EINVALID, Field: "state", Message: "This connection link is expired or was not started here.", Key: "connect.bad_state"}
		}
		res, err = c.X.Finish(r.Context(), st["token"], st["secret"], q.Get("oauth_verifier"))
	default:
		app := connect.App{ClientID: st["client_id"], ClientSecret: st["client_secret"]}
		res, err = c.Mastodon.Finish(r.Context(), st["instance"], app, s.callbackURL(r, "mastodon"), q.Get("code"))
	}
	if err != nil {
		return err
	}
	a := relais.Account{Platform: relais.Platform(name), Handle: res.Handle, BaseURL: res.BaseURL}
	again, _ := strconv.ParseInt(st["reconnect"], 10, 64)
	return s.saveConnected(w, r, a, connectForm{Owner: st["owner"], Reconnect: again}, res.Credentials, false) // the flow read the account already
}
