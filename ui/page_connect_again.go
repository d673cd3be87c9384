package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// reconnectable are the platforms whose accounts Settings › Accounts can
// reconnect through the platform's own sign-in (OAuth, app password).
var reconnectable = map[relais.Platform]bool{relais.PlatformBluesky: true, relais.PlatformMastodon: true, relais.PlatformX: true}

// Reconnectable reports whether an account can be reconnected from the
// connect page.
func (p Page) Reconnectable(a *relais.Account) bool { return reconnectable[a.Platform] }

// Shows reports whether the connect page shows platform's form: all of
// them, or only the reconnected account's.
func (p connectPage) Shows(platform string) bool {
	return p.Again == nil || string(p.Again.Platform) == platform
}

// Tp translates key with its {name} placeholders filled from name, value
// pairs.
func (p Page) Tp(key string, pairs ...string) string {
	params := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		params[pairs[i]] = pairs[i+1]
	}
	return fill(p.Lang, p.T(key), params, p.Location())
}

// againAccount finds the account being reconnected, among those the
// member sees.
func (s *Server) againAccount(r *http.Request, id int64) (*relais.Account, error) {
	as, err := s.cfg.Approval.Accounts(r.Context())
	if err != nil {
		return nil, err
	}
	for _, a := range as {
		if a.ID == id && reconnectable[a.Platform] {
			return a, nil
		}
	}
	return nil, &relais.Error{Code: relais.ENOTFOUND, Field: "reconnect", Key: "error.code.not_found", Message: "No such account."}
}

// reconnect replaces the credentials of account id with those the
// platform just gave for got: approval checks it is the same account (by
// its X user id, else its handle) on the same Mastodon server, follows a
// Bluesky account to its new PDS and an X account to its new username,
// and audits the change (account.update, no secret in it).
func (s *Server) reconnect(w http.ResponseWriter, r *http.Request, id int64, got relais.Account, creds map[string]string) error {
	if _, err := s.againAccount(r, id); err != nil {
		return err
	}
	rc := &approval.Reconnection{Platform: got.Platform, Handle: got.Handle, BaseURL: got.BaseURL}
	if _, err := s.cfg.Approval.UpdateAccount(r.Context(), id, approval.AccountUpdate{Credentials: creds, Reconnect: rc}); err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/accounts?ok=account_reconnected#account-"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}

func init() {
	for k, v := range map[string][2]string{
		"connect.other_account":     {"Ces identifiants sont ceux de {got}, pas de {want} : connectez-vous sur la plateforme avec le bon compte.", "These credentials are {got}'s, not {want}'s: sign in on the platform with the right account."},
		"connect.other_instance":    {"Ces identifiants viennent de {got}, pas de {want}, le serveur du compte : connectez-vous sur le bon serveur.", "These credentials come from {got}, not from {want}, the account's server: sign in on the right server."},
		"connect.reconnect_title":   {"Reconnecter {handle}", "Reconnect {handle}"},
		"connect.reconnect_help":    {"Les nouveaux identifiants remplacent les anciens ; le compte garde son propriétaire, son profil de ton et ses publications.", "The new credentials replace the old ones; the account keeps its owner, tone profile and posts."},
		"settings.reconnect_via":    {"Reconnecter via la plateforme", "Reconnect through the platform"},
		"flash.account_reconnected": {"Compte reconnecté : nouveaux identifiants vérifiés et enregistrés.", "Account reconnected: new credentials verified and saved."},
	} {
		messages[k] = v
	}
}
