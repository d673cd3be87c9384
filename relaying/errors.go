package relaying

import (
	"errors"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// The errors of the list's actions name a message of the dashboard's
// catalogue (ui), so that each reader gets them in her language; the
// English text is the fallback for API clients and logs.

// errNotListed: the post is no longer among the colistier's recent ones.
func errNotListed() error {
	return &relais.Error{Code: relais.EINVALID, Field: "uri", Key: "relay.not_listed", Message: "This post is not in the list to relay."}
}

// errNoCampaign: the campaign has no account on platform p.
func errNoCampaign(p relais.Platform) error {
	return &relais.Error{Code: relais.EINVALID, Field: "uri", Key: "relay.no_campaign", Params: map[string]string{"platform": platformName(p)},
		Message: "The campaign has no " + string(p) + " account to relay from."}
}

// errForeignStatus: the colistier's instance gave a status address on
// another server, which the campaign's instance would resolve to whatever
// that server holds.
func errForeignStatus(handle string) error {
	return &relais.Error{Code: relais.EINVALID, Field: "uri", Key: "relay.foreign_status", Params: map[string]string{"handle": handle},
		Message: "This post's address is not on " + handle + "'s server: it is not reposted."}
}

// errNoComment: a quote needs words.
func errNoComment() error {
	return &relais.Error{Code: relais.EINVALID, Field: "text", Key: "relay.text_required", Message: "Write your comment."}
}

// errUnreadable: the colistier's account could not be read again.
func errUnreadable(handle string, err error) error {
	return &relais.Error{Code: relais.EINVALID, Field: "uri", Key: "relay.unreadable_account", Params: map[string]string{"handle": handle, "reason": reason(err)},
		Message: "Cannot read " + handle + ": " + reason(err)}
}

// errRepost: the platform refused or failed the repost.
func errRepost(p relais.Platform, err error) error {
	return &relais.Error{Code: relais.EINTERNAL, Key: "relay.repost_failed", Params: map[string]string{"platform": platformName(p), "reason": reason(err)},
		Message: "The repost on " + string(p) + " failed: " + reason(err)}
}

// ErrXCap is returned when today's X read cap is spent.
var ErrXCap = &relais.Error{Code: relais.EINVALID, Key: "relay.x_cap",
	Message: "Today's X read cap is reached: the colistiers' X posts are read again tomorrow."}

// reason is err's text for people: a relais error's message, a
// platform's classified refusal, or the error itself.
func reason(err error) string {
	var re *relais.Error
	var ce *connectors.Error
	if errors.As(err, &re) {
		return re.Message
	} else if errors.As(err, &ce) && ce.Message != "" {
		return ce.Message
	}
	return err.Error()
}

// platformName is p as people write it.
func platformName(p relais.Platform) string {
	switch p {
	case relais.PlatformX:
		return "X"
	case relais.PlatformBluesky:
		return "Bluesky"
	case relais.PlatformMastodon:
		return "Mastodon"
	}
	return string(p)
}
