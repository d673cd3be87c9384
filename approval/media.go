package approval

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// Upload stores an image for a post to come. The type is sniffed from the
// bytes. Returns EFORBIDDEN if the role may not draft, EINVALID or
// ETOOLARGE (field "file" or "alt_text") for a bad image.
func (s *Service) Upload(ctx context.Context, filename string, data []byte, alt string) (*relais.Media, error) {
	m, err := writer(ctx)
	if err != nil {
		return nil, err
	}
	ct, err := relais.ValidateMedia(filename, data, alt)
	if err != nil {
		return nil, err
	}
	md := &relais.Media{Filename: cleanFilename(filename), ContentType: ct, AltText: strings.TrimSpace(alt), UploadedBy: m.ID}
	err = s.store.Update(ctx, func(tx *store.Tx) error { return tx.CreateMedia(md, data) })
	return md, err
}

// MediaData returns an image's bytes and type for the signed-in member.
// Colistiers may only see images of published posts. Returns ENOTFOUND
// otherwise.
func (s *Service) MediaData(ctx context.Context, id int64) (data []byte, contentType string, err error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, "", err
	}
	err = s.store.View(ctx, func(tx *store.Tx) error {
		md, postID, err := tx.MediaByID(id)
		if err != nil {
			return err
		}
		if !policy.Can(m, policy.PostReadUnpublished, policy.Object{}) {
			if postID == nil {
				return relais.Errorf(relais.ENOTFOUND, "Media %d not found.", id)
			} else if p, err := tx.PostByID(*postID); err != nil || p.State != relais.PostPublished {
				return relais.Errorf(relais.ENOTFOUND, "Media %d not found.", id)
			}
		}
		contentType = md.ContentType
		data, err = tx.MediaData(id)
		return err
	})
	return data, contentType, err
}

// resolveMedia loads the images of a post being saved: each must exist
// and be free or already attached to this post.
func resolveMedia(tx *store.Tx, postID int64, ids []int64) ([]relais.Media, error) {
	if len(ids) > relais.MaxMediaPerPost {
		return nil, relais.FieldErrorf("media", "At most %d images per post.", relais.MaxMediaPerPost).With("error.media_count", "max", strconv.Itoa(relais.MaxMediaPerPost))
	}
	seen := map[int64]bool{}
	var out []relais.Media
	for _, id := range ids {
		md, owner, err := tx.MediaByID(id)
		if relais.ErrorCode(err) == relais.ENOTFOUND || (owner != nil && *owner != postID) {
			return nil, relais.FieldErrorf("media", "Unknown image %d.", id).With("error.media_unknown", "id", strconv.FormatInt(id, 10))
		} else if err != nil {
			return nil, err
		} else if seen[id] {
			return nil, relais.FieldErrorf("media", "Image %d is attached twice.", id).With("error.media_twice", "id", strconv.FormatInt(id, 10))
		}
		seen[id] = true
		out = append(out, md)
	}
	return out, nil
}

// cleanFilename keeps the base name, without path or control characters.
func cleanFilename(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if name == "" {
		return "image"
	}
	return name
}

// UploadRetention is how long an image may wait for a post to carry it.
const UploadRetention = 7 * 24 * time.Hour
