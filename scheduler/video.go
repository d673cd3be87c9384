package scheduler

import (
	"context"
	"fmt"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
	"github.com/relais/relais/videopost"
)

// VideoPublisher publishes posts carrying a video (videopost.Publisher).
type VideoPublisher interface {
	Publish(ctx context.Context, a relais.Account, p videopost.Post) (connectors.Receipt, error)
}

// publish sends the attempt: through the video publisher when the post
// carries a video for a real platform account, else through the
// account's connector with the post's images. The sandbox publishes the
// text of a video post only. err is an internal error (nothing was sent).
func (w *DeliverWorker) publish(ctx context.Context, a *attempt) (r connectors.Receipt, perr, err error) {
	if v := a.post.Video; v != nil && a.account.BaseURL != connectors.SandboxURL {
		if w.s.cfg.Videos == nil {
			return r, &connectors.Error{Class: connectors.Permanent, Platform: string(a.account.Platform),
				Message: "this server publishes no videos (no video publisher configured)"}, nil
		}
		th, err := w.thumbnail(ctx, v)
		if err != nil {
			return r, nil, err
		}
		r, perr = w.s.cfg.Videos.Publish(ctx, *a.account, videopost.Post{Text: a.text,
			Lang: a.post.LangFor(a.account.Platform), Video: v, Key: a.d.IdempotencyKey, Thumbnail: th, Quote: a.draft(nil).Quote})
		return r, perr, nil
	}
	media, err := w.loadMedia(ctx, a.post)
	if err != nil {
		return r, nil, err
	}
	r, perr = a.conn.Publish(ctx, *a.account, a.draft(media), a.d.IdempotencyKey)
	return r, perr, nil
}

// thumbnail reads the video's approved thumbnail (nil when none). Image
// bytes are stored once per SHA-256, so the bytes read are the approved
// ones; a thumbnail deleted since is an error (the delivery retries).
func (w *DeliverWorker) thumbnail(ctx context.Context, v *relais.PostVideo) (*videopost.Thumbnail, error) {
	if v.ThumbnailID == 0 {
		return nil, nil
	}
	var th *videopost.Thumbnail
	err := w.s.cfg.Store.View(ctx, func(tx *store.Tx) error {
		md, _, err := tx.MediaByID(v.ThumbnailID)
		if err != nil {
			return err
		} else if md.SHA256 != v.ThumbnailSHA256 {
			return fmt.Errorf("scheduler: thumbnail %d is not the approved one", v.ThumbnailID)
		}
		data, err := tx.MediaData(md.ID)
		th = &videopost.Thumbnail{Data: data, ContentType: md.ContentType}
		return err
	})
	return th, err
}
