package approval

import (
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/bluesky"
	"github.com/relais/relais/connectors/x"
	"github.com/relais/relais/store"
)

// Reconnection is what a platform's sign-in said about the new
// credentials of a reconnected account: whose they are and which server
// issued them. The connect pages set it (never JSON): the account must be
// the same one, and its server and handle follow the platform's.
type Reconnection struct {
	Platform relais.Platform
	Handle   string // the account's handle as the platform gives it now
	BaseURL  string // the server the credentials are for ("" for the platform's default)
}

// stableIDs names, per platform, the credential holding the account's
// user id, which stays when its handle changes (X usernames change; a
// user id does not: https://docs.x.com/x-api/users/user-lookup-me; a
// Bluesky handle can be given up and taken by another account, its DID
// stays, even across PDSes: https://atproto.com/specs/did).
var stableIDs = map[relais.Platform]string{relais.PlatformX: x.CredUserID, relais.PlatformBluesky: bluesky.CredDID}

// checkReconnect refuses credentials of another account than a (stored
// with its credentials) or, on Mastodon, of another server.
func checkReconnect(a *relais.Account, rc *Reconnection, creds map[string]string) error {
	if a.Platform != rc.Platform || !sameAccount(a, rc, creds) {
		return &relais.Error{Code: relais.EINVALID, Field: "handle", Key: "connect.other_account",
			Params:  map[string]string{"want": "@" + relais.NormalizeHandle(a.Handle), "got": "@" + relais.NormalizeHandle(rc.Handle)},
			Message: "These credentials belong to another account."}
	}
	want, have := server(a.BaseURL), server(rc.BaseURL)
	if a.Platform == relais.PlatformMastodon && want != "" && !strings.EqualFold(want, have) {
		return &relais.Error{Code: relais.EINVALID, Field: "base_url", Key: "connect.other_instance",
			Params: map[string]string{"want": want, "got": have}, Message: "These credentials come from another server than the account's."}
	}
	return nil
}

// sameAccount compares the platform's stable user ids when both are
// known, else the handles.
func sameAccount(a *relais.Account, rc *Reconnection, creds map[string]string) bool {
	if key := stableIDs[a.Platform]; key != "" && a.Credentials[key] != "" && creds[key] != "" {
		return a.Credentials[key] == creds[key]
	}
	return sameHandle(a.Handle, rc.Handle)
}

// sameHandle compares two handles as platforms do: without "@", case
// aside; a Mastodon handle without its instance matches one with it.
func sameHandle(a, b string) bool {
	a, b = strings.ToLower(relais.NormalizeHandle(a)), strings.ToLower(relais.NormalizeHandle(b))
	if a == b {
		return true
	}
	ua, _, _ := strings.Cut(a, "@")
	ub, _, _ := strings.Cut(b, "@")
	return ua == ub && (a == ua || b == ub)
}

// server is a base URL without its trailing slash.
func server(u string) string { return strings.TrimRight(u, "/") }

// applyReconnect saves the new credentials of a and what the platform
// says changed: a Bluesky account's PDS and a renamed account's handle.
// A Bluesky account's credentials are replaced whole: the sessions the
// old app password opened (on the old server or this one) are dropped,
// else relais would go on refreshing them and never use the new one. It
// returns the changes, for the audit.
func applyReconnect(tx *store.Tx, a *relais.Account, rc *Reconnection, creds map[string]string) ([]string, error) {
	var changes []string
	if a.Platform != relais.PlatformBluesky {
		if err := tx.MergeCredentials(a.ID, creds); err != nil {
			return nil, err
		}
	} else if err := tx.ReplaceCredentials(a.ID, creds); err != nil {
		return nil, err
	} else if server(rc.BaseURL) != server(a.BaseURL) {
		if err := tx.SetAccountServer(a.ID, server(rc.BaseURL)); err != nil {
			return nil, err
		}
		changes, a.BaseURL = append(changes, "server "+server(rc.BaseURL)), server(rc.BaseURL)
	}
	if h := relais.NormalizeHandle(rc.Handle); h != "" && h != relais.NormalizeHandle(a.Handle) && !sameHandle(h, a.Handle) {
		if err := tx.SetAccountHandle(a.ID, h); err != nil {
			return nil, err
		}
		changes, a.Handle = append(changes, "handle @"+h), h
	}
	return changes, nil
}
