package bluesky

import (
	"context"
	"time"

	"github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	lexutil "github.com/bluesky-social/indigo/lex/util"
	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// Publish implements connectors.Connector. It validates d and resolves its
// mentions first (nothing is posted if that fails), then uploads images
// and creates the post under RecordKey(key). If the PDS refuses the record
// because a previous attempt already created it, Publish returns that
// post's receipt.
func (c *Client) Publish(ctx context.Context, a relais.Account, d connectors.Draft, key string) (connectors.Receipt, error) {
	if err := connectors.ProblemsError("bluesky", c.Validate(d)); err != nil {
		return connectors.Receipt{}, err
	}
	dids, err := c.resolveMentions(ctx, a, d.Text)
	if err != nil {
		return connectors.Receipt{}, err
	}
	post := &bsky.FeedPost{LexiconTypeID: Collection, Text: d.Text, Facets: facets(d.Text, dids),
		CreatedAt: time.Now().UTC().Format("2006-01-02T15:04:05.000Z")}
	if d.Language != "" {
		post.Langs = []string{d.Language}
	}
	rkey := RecordKey(key)
	var rc connectors.Receipt
	err = c.authed(ctx, a, func(x xrpc, did string) error {
		if post.Embed, err = c.uploadImages(ctx, x, d.Media); err != nil {
			return err
		}
		rc, err = createPost(ctx, x, did, rkey, post)
		return err
	})
	if connectors.ClassOf(err) == connectors.Permanent {
		if prev, found, lerr := c.Lookup(ctx, a, key); lerr == nil && found {
			return prev, nil
		}
	}
	return rc, err
}

func createPost(ctx context.Context, x xrpc, did, rkey string, post *bsky.FeedPost) (connectors.Receipt, error) {
	out, err := atproto.RepoCreateRecord(ctx, x, &atproto.RepoCreateRecord_Input{
		Collection: Collection, Repo: did, Rkey: &rkey, Record: &lexutil.LexiconTypeDecoder{Val: post},
	})
	if err != nil {
		return connectors.Receipt{}, err
	}
	return connectors.Receipt{RemoteID: out.Uri, URL: postURL(did, rkey)}, nil
}

// Lookup implements connectors.Connector: it reads the post at
// RecordKey(key) with com.atproto.repo.getRecord. found=false means the
// post does not exist (RecordNotFound).
func (c *Client) Lookup(ctx context.Context, a relais.Account, key string) (connectors.Receipt, bool, error) {
	rkey := RecordKey(key)
	var rc connectors.Receipt
	err := c.authed(ctx, a, func(x xrpc, did string) error {
		out, err := atproto.RepoGetRecord(ctx, x, "", Collection, did, rkey)
		if err == nil {
			rc = connectors.Receipt{RemoteID: out.Uri, URL: postURL(did, rkey)}
		}
		return err
	})
	if errName(err) == "RecordNotFound" {
		return connectors.Receipt{}, false, nil
	} else if err != nil {
		return connectors.Receipt{}, false, err
	}
	return rc, true, nil
}

// HonoursIdempotencyKey implements connectors.Idempotent: the record key
// is a function of the key, so publishing again cannot create a second
// post (and Publish returns the first one).
func (c *Client) HonoursIdempotencyKey() bool { return true }
