package approval

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/video"
)

// VideoInput attaches a complete resumable upload to a post, instead of
// images.
type VideoInput struct {
	UploadID  string `json:"upload_id"`
	AltText   string `json:"alt_text,omitempty"`  // caption for screen readers
	Thumbnail int64  `json:"thumbnail,omitempty"` // an uploaded image's id; 0: the platform's own
}

// VideoSource finds the signed-in member's uploads (video.Uploads), and
// the upload a post already carries, whoever made it.
type VideoSource interface {
	Get(ctx context.Context, id string) (*video.Upload, error)
	Carried(id string) (*video.Upload, error)
}

// SetVideos lets posts carry videos uploaded to vs.
func (s *Service) SetVideos(vs VideoSource) { s.videos = vs }

// attachedVideo is a post's video with what its container says.
type attachedVideo struct {
	v    *relais.PostVideo
	info *video.Info
}

// carried returns the upload id of post's video ("" if none or post is 0).
// Whether the caller may edit post is checked after, in the transaction.
func (s *Service) carried(ctx context.Context, post int64) string {
	var id string
	if post == 0 {
		return ""
	}
	_ = s.store.View(ctx, func(tx *store.Tx) error {
		if p, err := tx.PostByID(post); err == nil && p.Video != nil {
			id = p.Video.UploadID
		}
		return nil
	})
	return id
}

// loadVideo reads the upload in names: one of the signed-in member's, or
// the one the edited post already carries (carried). It must be complete
// (hashed and checked). Nil in, nil out.
func (s *Service) loadVideo(ctx context.Context, in *VideoInput, carried string) (attachedVideo, error) {
	if in == nil || in.UploadID == "" {
		return attachedVideo{}, nil
	} else if s.videos == nil {
		return attachedVideo{}, relais.FieldErrorf("video", "Videos are not enabled.")
	} else if !utf8.ValidString(in.AltText) || utf8.RuneCountInString(in.AltText) > 1500 {
		return attachedVideo{}, relais.FieldErrorf("video", "The description must be valid text of at most 1,500 characters.")
	}
	u, err := s.videos.Get(ctx, in.UploadID)
	if in.UploadID == carried {
		u, err = s.videos.Carried(carried)
	}
	if relais.ErrorCode(err) == relais.ENOTFOUND || (err == nil && !u.Complete()) {
		return attachedVideo{}, relais.FieldErrorf("video", "Unknown or unfinished video upload %q.", in.UploadID)
	} else if err != nil {
		return attachedVideo{}, err
	}
	return attachedVideo{info: u.Info, v: &relais.PostVideo{UploadID: u.ID, SHA256: u.SHA256, Filename: u.Filename,
		ContentType: u.Info.ContentType(), Size: u.Size, Width: u.Info.Width, Height: u.Info.Height,
		Seconds: u.Info.Duration.Seconds(), AltText: strings.TrimSpace(in.AltText), ThumbnailID: in.Thumbnail}}, nil
}

// check completes the video inside the transaction: its thumbnail must
// be an uploaded image, and the video must fit every target platform's
// limits (the error names the platform and the limit).
func (av attachedVideo) check(tx *store.Tx, targets []int64) error {
	if av.v == nil {
		return nil
	}
	if id := av.v.ThumbnailID; id != 0 {
		md, _, err := tx.MediaByID(id)
		if relais.ErrorCode(err) == relais.ENOTFOUND {
			return relais.FieldErrorf("video", "Unknown thumbnail image %d.", id)
		} else if err != nil {
			return err
		}
		av.v.ThumbnailSHA256 = md.SHA256
	}
	for _, id := range targets {
		a, err := tx.AccountByID(id)
		if err != nil {
			return err
		} else if err := video.Check(a.Platform, av.info, av.v.Size); err != nil {
			return err
		}
	}
	return nil
}
