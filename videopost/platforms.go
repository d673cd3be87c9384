package videopost

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/bluesky"
	"github.com/relais/relais/connectors/facebook"
	"github.com/relais/relais/connectors/mastodon"
	"github.com/relais/relais/connectors/telegram"
	"github.com/relais/relais/connectors/videoup"
)

// mastodon uploads the video (POST /api/v2/media, polled until ready) and
// posts a status carrying it, with the delivery's Idempotency-Key.
// https://docs.joinmastodon.org/methods/statuses/#create
func (pb *Publisher) mastodon(ctx context.Context, a relais.Account, p Post, f videoup.File) (connectors.Receipt, error) {
	c, err := creds(a, mastodon.CredAccessToken)
	if err != nil {
		return connectors.Receipt{}, err
	}
	inst := base(a, pb.MastodonInstance)
	if inst == "" {
		return connectors.Receipt{}, fmt.Errorf("%w (no instance URL)", errNoCredentials)
	}
	id, err := pb.up().Mastodon(ctx, inst, c[0], f, p.Video.AltText)
	if err != nil {
		return connectors.Receipt{}, err
	} else if err := pb.mastodonThumbnail(ctx, inst, c[0], id, p.Thumbnail); err != nil {
		return connectors.Receipt{}, err
	}
	var st struct{ ID, URL string }
	in := map[string]any{"status": p.Text, "media_ids": []string{id}, "language": p.Lang}
	err = postJSON(ctx, pb.HTTP, inst+"/api/v1/statuses",
		map[string]string{"Authorization": "Bearer " + c[0], "Idempotency-Key": p.Key}, in, &st)
	return connectors.Receipt{RemoteID: st.ID, URL: st.URL}, err
}

// bluesky signs in with the app password, uploads the video as a blob and
// creates an app.bsky.feed.post whose embed is app.bsky.embed.video.
// https://docs.bsky.app/docs/api/com-atproto-repo-create-record
func (pb *Publisher) bluesky(ctx context.Context, a relais.Account, p Post, f videoup.File) (connectors.Receipt, error) {
	c, err := creds(a, bluesky.CredIdentifier, bluesky.CredAppPassword)
	if err != nil {
		return connectors.Receipt{}, err
	}
	pds := base(a, pb.BlueskyPDS)
	var s struct{ AccessJwt, Did string }
	if err := postJSON(ctx, pb.HTTP, pds+"/xrpc/com.atproto.server.createSession", nil,
		map[string]string{"identifier": c[0], "password": c[1]}, &s); err != nil {
		return connectors.Receipt{}, err
	}
	blob, err := pb.up().Bluesky(ctx, pds, s.AccessJwt, f)
	if err != nil {
		return connectors.Receipt{}, err
	}
	rec := map[string]any{"$type": "app.bsky.feed.post", "text": p.Text, "langs": []string{p.Lang},
		"createdAt": time.Now().UTC().Format(time.RFC3339Nano),
		"embed":     quoteEmbed(videoup.BlueskyEmbed(blob, p.Video.AltText, p.Video.Width, p.Video.Height), p.Quote)}
	var out struct{ URI string }
	err = postJSON(ctx, pb.HTTP, pds+"/xrpc/com.atproto.repo.createRecord", map[string]string{"Authorization": "Bearer " + s.AccessJwt},
		map[string]any{"repo": s.Did, "collection": "app.bsky.feed.post", "record": rec}, &out)
	rkey := out.URI[strings.LastIndex(out.URI, "/")+1:]
	return connectors.Receipt{RemoteID: out.URI, URL: "https://bsky.app/profile/" + s.Did + "/post/" + rkey}, err
}

// telegram sends the video to the channel with its caption: the message
// is the publication.
func (pb *Publisher) telegram(ctx context.Context, a relais.Account, p Post, f videoup.File) (connectors.Receipt, error) {
	c, err := creds(a, telegram.CredBotToken)
	if err != nil {
		return connectors.Receipt{}, err
	}
	chat := a.Credentials[telegram.CredChatID]
	if chat == "" {
		chat = strings.TrimSpace(a.Handle)
	}
	id, err := pb.up().Telegram(ctx, base(a, pb.TelegramAPI), c[0], chat, f, p.Text, p.Video.Width, p.Video.Height, int(p.Video.Seconds+0.5))
	return connectors.Receipt{RemoteID: id}, err
}

// facebook publishes the video on the Page with the text as description.
func (pb *Publisher) facebook(ctx context.Context, a relais.Account, p Post, f videoup.File) (connectors.Receipt, error) {
	c, err := creds(a, facebook.CredPageToken)
	if err != nil {
		return connectors.Receipt{}, err
	}
	page := a.Credentials[facebook.CredPageID]
	if page == "" {
		page = relais.NormalizeHandle(a.Handle)
	}
	id, err := pb.up().Facebook(ctx, base(a, pb.FacebookAPI), page, c[0], f, p.Text)
	return connectors.Receipt{RemoteID: id, URL: "https://www.facebook.com/" + id}, err
}

// quoteEmbed wraps a video embed in app.bsky.embed.recordWithMedia when
// the post quotes q (none: the video embed as is).
// lexicons app/bsky/embed/record.json and recordWithMedia.json (github.com/bluesky-social/atproto/tree/main/lexicons)
func quoteEmbed(video map[string]any, q *connectors.Quote) map[string]any {
	if q == nil {
		return video
	}
	return map[string]any{"$type": "app.bsky.embed.recordWithMedia", "media": video,
		"record": map[string]any{"$type": "app.bsky.embed.record", "record": map[string]string{"uri": q.URI, "cid": q.CID}}}
}
