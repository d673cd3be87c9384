// Package videopost publishes a post that carries a video: it opens the
// approved upload (its SHA-256 checked again), sends it with the
// platform's video API (package connectors/videoup) and creates the
// publication that shows it: a Mastodon status with the attachment, a
// Bluesky post with an app.bsky.embed.video embed, an X post with the
// media id. On Facebook and Telegram the video upload is itself the
// publication (a Page video with its description, a sendVideo message
// with its caption).
package videopost

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/videoup"
)

// Files opens approved uploads (video.Uploads).
type Files interface {
	OpenApproved(id, sha string) (*os.File, error)
}

// Publisher publishes posts carrying a video.
type Publisher struct {
	Files Files
	HTTP  *http.Client
	Up    *videoup.Client // nil: one on HTTP
	// Default endpoints when an account has no BaseURL of its own.
	BlueskyPDS, TelegramAPI, FacebookAPI, XAPI, MastodonInstance string
}

// New returns a publisher reading uploads from files through hc, with the
// platforms' public endpoints.
func New(files Files, hc *http.Client) *Publisher {
	return &Publisher{Files: files, HTTP: hc, Up: &videoup.Client{HTTP: hc}, BlueskyPDS: "https://bsky.social",
		TelegramAPI: "https://api.telegram.org", FacebookAPI: "https://graph.facebook.com/v19.0", XAPI: "https://api.x.com"}
}

// Post is what one delivery publishes.
type Post struct {
	Text  string
	Lang  string
	Video *relais.PostVideo
	Key   string // the delivery's idempotency key
	// Quote is the post of the same platform it quotes (nil: none):
	// Bluesky wraps the video in app.bsky.embed.recordWithMedia, X sends
	// quote_tweet_id.
	Quote *connectors.Quote
	// Thumbnail is the approved thumbnail image (nil: none). Mastodon
	// receives it (PUT /api/v1/media/:id), Facebook as the Page video's
	// thumb, Telegram as sendVideo's thumbnail (a JPEG of at most 320 px
	// and 200 kB); X and Bluesky take none and pick their own frame.
	Thumbnail *Thumbnail
}

// Thumbnail is an image shown before the video plays.
type Thumbnail struct {
	Data        []byte
	ContentType string
}

// Publish sends p to account a. Errors are classified like a connector's.
func (pb *Publisher) Publish(ctx context.Context, a relais.Account, p Post) (connectors.Receipt, error) {
	f, err := pb.Files.OpenApproved(p.Video.UploadID, p.Video.SHA256)
	if err != nil {
		return connectors.Receipt{}, &connectors.Error{Class: connectors.Permanent, Platform: string(a.Platform), Err: err}
	}
	defer f.Close()
	file := videoup.File{R: f, Size: p.Video.Size, ContentType: p.Video.ContentType, Filename: p.Video.Filename}
	if p.Thumbnail != nil && a.Platform != relais.PlatformMastodon { // Mastodon's is set after the upload
		file.Thumbnail = &videoup.Image{Data: p.Thumbnail.Data, ContentType: p.Thumbnail.ContentType}
	}
	var r connectors.Receipt
	switch a.Platform {
	case relais.PlatformMastodon:
		r, err = pb.mastodon(ctx, a, p, file)
	case relais.PlatformBluesky:
		r, err = pb.bluesky(ctx, a, p, file)
	case relais.PlatformTelegram:
		r, err = pb.telegram(ctx, a, p, file)
	case relais.PlatformFacebook:
		r, err = pb.facebook(ctx, a, p, file)
	case relais.PlatformX:
		r, err = pb.x(ctx, a, p, file)
	default:
		err = fmt.Errorf("%s does not take videos", a.Platform)
	}
	return r, classify(a.Platform, err)
}

func (pb *Publisher) up() *videoup.Client {
	if pb.Up != nil {
		return pb.Up
	}
	return &videoup.Client{HTTP: pb.HTTP}
}

// base is the account's own endpoint, else def.
func base(a relais.Account, def string) string {
	if a.BaseURL != "" {
		return strings.TrimRight(a.BaseURL, "/")
	}
	return strings.TrimRight(def, "/")
}

// classify maps a platform's answer to a connector error class: refusals
// are permanent, 401/403 and missing credentials ask to reconnect, 429
// and 5xx may be retried.
func classify(pl relais.Platform, err error) error {
	var ce *connectors.Error
	if err == nil || errors.As(err, &ce) {
		return err
	}
	e := &connectors.Error{Class: connectors.Retryable, Platform: string(pl), Err: err}
	var ve *videoup.Error
	if errors.As(err, &ve) {
		e.Status = ve.Status
		switch {
		case ve.Status == http.StatusUnauthorized || ve.Status == http.StatusForbidden:
			e.Class = connectors.AuthExpired
		case ve.Status == http.StatusTooManyRequests || ve.Status >= 500:
			e.Class = connectors.Retryable
		default:
			e.Class = connectors.Permanent
		}
	} else if errors.Is(err, errNoCredentials) {
		e.Class = connectors.AuthExpired
	} else if errors.Is(err, videoup.ErrProcessing) {
		e.Class = connectors.Permanent
	}
	return e
}

// errNoCredentials: the account lacks what the platform needs.
var errNoCredentials = errors.New("the account has no credentials for this platform: reconnect it")

// creds returns the account's credentials named keys, or errNoCredentials.
func creds(a relais.Account, keys ...string) ([]string, error) {
	out := make([]string, len(keys))
	for i, k := range keys {
		if out[i] = a.Credentials[k]; out[i] == "" {
			return nil, fmt.Errorf("%w (missing %s)", errNoCredentials, k)
		}
	}
	return out, nil
}
