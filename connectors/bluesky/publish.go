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
// mentions first (nothing is posted if that fails), then looks for the post
// at RecordKey(key): a previous attempt whose answer was lost may have
// created it (a real PDS answers a second createRecord at the same key with
// 500 "already a value at key", which would look retryable for ever). Only
// when it is absent does Publish upload the images and create the post; if
// that call fails, it looks once more before returning the error.
func (c *Client) Publish(ctx context.Context, a relais.Account, d connectors.Draft, key string) (connectors.Receipt, error) {
	if err := connectors.ProblemsError("bluesky", c.Validate(d)); err != nil {
		return connectors.Receipt{}, err
	}
	dids, err := c.resolveMentions(ctx, a, d.Text)
	if err != nil {
		return connectors.Receipt{}, err
	}
	post := newPost(d, dids)
	rkey := RecordKey(key)
	var rc connectors.Receipt
	err = c.authed(ctx, a, func(x xrpc, did string) error {
		var found bool
		if rc, found, err = getPost(ctx, x, did, rkey); err != nil || found {
			return err
		}
		if post.Embed, err = c.uploadImages(ctx, x, d.Media); err != nil {
			return err
		}
		post.Embed = WithQuote(post.Embed, d.Quote)
		if rc, err = createPost(ctx, x, did, rkey, post); lostOrRefused(err) {
			if prev, found, lerr := getPost(ctx, x, did, rkey); lerr == nil && found {
				rc, err = prev, nil
			}
		}
		return err
	})
	return rc, err
}

// lostOrRefused reports whether err may hide a post that was created: a
// transport failure, a server error or a refusal (not a token or rate
// limit refusal, which happen before the record is written).
func lostOrRefused(err error) bool {
	cl := connectors.ClassOf(err)
	return err != nil && cl != connectors.AuthExpired && cl != connectors.RateLimited
}

// newPost builds the record of d with its facets.
func newPost(d connectors.Draft, dids map[string]string) *bsky.FeedPost {
	post := &bsky.FeedPost{LexiconTypeID: Collection, Text: d.Text, Facets: facets(d.Text, dids),
		CreatedAt: time.Now().UTC().Format("2006-01-02T15:04:05.000Z")}
	if d.Language != "" {
		post.Langs = []string{d.Language}
	}
	return post
}

// WithQuote adds the quoted post q to embed (images, video or none): an
// app.bsky.embed.record alone, or app.bsky.embed.recordWithMedia around
// the media. Without q, embed is returned as is.
// lexicons app/bsky/embed/record.json and recordWithMedia.json (github.com/bluesky-social/atproto/tree/main/lexicons)
func WithQuote(embed *bsky.FeedPost_Embed, q *connectors.Quote) *bsky.FeedPost_Embed {
	if q == nil {
		return embed
	}
	rec := &bsky.EmbedRecord{LexiconTypeID: "app.bsky.embed.record", Record: &atproto.RepoStrongRef{Uri: q.URI, Cid: q.CID}}
	if embed == nil {
		return &bsky.FeedPost_Embed{EmbedRecord: rec}
	}
	media := &bsky.EmbedRecordWithMedia_Media{EmbedImages: embed.EmbedImages, EmbedVideo: embed.EmbedVideo}
	return &bsky.FeedPost_Embed{EmbedRecordWithMedia: &bsky.EmbedRecordWithMedia{
		LexiconTypeID: "app.bsky.embed.recordWithMedia", Media: media, Record: rec}}
}

func createPost(ctx context.Context, x xrpc, did, rkey string, post *bsky.FeedPost) (connectors.Receipt, error) {
	out, err := atproto.RepoCreateRecord(ctx, x, &atproto.RepoCreateRecord_Input{
		Collection: Collection, Repo: did, Rkey: &rkey, Record: &lexutil.LexiconTypeDecoder{Val: post},
	})
	if err != nil {
		return connectors.Receipt{}, err
	}
	return connectors.Receipt{RemoteID: out.Uri, URL: postURL(x.host, did, rkey)}, nil
}

// Lookup implements connectors.Connector: it reads the post at
// RecordKey(key) with com.atproto.repo.getRecord. found=false means the
// post does not exist (RecordNotFound).
func (c *Client) Lookup(ctx context.Context, a relais.Account, key string) (connectors.Receipt, bool, error) {
	var rc connectors.Receipt
	var found bool
	err := c.authed(ctx, a, func(x xrpc, did string) error {
		var err error
		rc, found, err = getPost(ctx, x, did, RecordKey(key))
		return err
	})
	return rc, found, err
}

// getPost reads the post at rkey in did's repository; found=false when the
// PDS answers RecordNotFound.
func getPost(ctx context.Context, x xrpc, did, rkey string) (connectors.Receipt, bool, error) {
	out, err := atproto.RepoGetRecord(ctx, x, "", Collection, did, rkey)
	if errName(err) == "RecordNotFound" {
		return connectors.Receipt{}, false, nil
	} else if err != nil {
		return connectors.Receipt{}, false, err
	}
	return connectors.Receipt{RemoteID: out.Uri, URL: postURL(x.host, did, rkey)}, true, nil
}

// HonoursIdempotencyKey implements connectors.Idempotent: the record key
// is a function of the key, so publishing again cannot create a second
// post (and Publish returns the first one).
func (c *Client) HonoursIdempotencyKey() bool { return true }
