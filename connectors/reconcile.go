package connectors

import (
	"context"
	"time"

	"github.com/relais/relais"
)

// AccountIdempotent is implemented by connectors whose platform honours an
// idempotency key on some accounts only: a Mastodon-API server honours
// Idempotency-Key only when it is Mastodon itself (GoToSocial and others
// ignore it). The answer may need a call to the account's server (after a
// restart nothing is known of it yet); ctx bounds it.
type AccountIdempotent interface {
	HonoursKeyFor(ctx context.Context, a relais.Account) bool
}

// HonoursKeyFor reports whether a publication to a through c may be sent
// again with the same key without risking a second post.
func HonoursKeyFor(ctx context.Context, c Connector, a relais.Account) bool {
	if ai, ok := c.(AccountIdempotent); ok {
		return ai.HonoursKeyFor(ctx, a)
	}
	return HonoursKey(c)
}

// DraftLookup is implemented by connectors that can find a publication by
// its content when the platform keeps no key: they read the account's own
// recent posts (since the first attempt) for d's text.
type DraftLookup interface {
	LookupDraft(ctx context.Context, a relais.Account, d Draft, key string, since time.Time) (Receipt, bool, error)
}

// LookupFor finds the publication made to a with key (and d's content,
// first attempted at since) with c's DraftLookup when it has one, else its
// Lookup.
func LookupFor(ctx context.Context, c Connector, a relais.Account, d Draft, key string, since time.Time) (Receipt, bool, error) {
	if dl, ok := c.(DraftLookup); ok {
		return dl.LookupDraft(ctx, a, d, key, since)
	}
	return c.Lookup(ctx, a, key)
}

// CreateOrFind runs create, the call that makes a post. When it fails,
// unclear says whether the post may exist all the same (a lost answer): it
// returns the error to report then, or nil when nothing can have been
// posted. For a post that may exist, CreateOrFind looks for d among the
// account's posts since the attempt started with dl, and returns the
// receipt it finds instead of the error.
func CreateOrFind(ctx context.Context, dl DraftLookup, a relais.Account, d Draft, key string,
	create func() (Receipt, error), unclear func(error) error) (Receipt, error) {
	started := time.Now()
	rc, err := create()
	if err == nil {
		return rc, nil
	}
	report := unclear(err)
	if report == nil {
		return Receipt{}, err
	}
	if rc, found, lerr := dl.LookupDraft(ctx, a, d, key, started); lerr == nil && found {
		return rc, nil
	}
	return Receipt{}, report
}

// UploadEach uploads each medium in order with up and returns the ids the
// platform gave them; the first error stops it.
func UploadEach(media []Media, up func(Media) (string, error)) ([]string, error) {
	var ids []string
	for _, m := range media {
		id, err := up(m)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}
