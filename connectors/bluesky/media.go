package bluesky

import (
	"bytes"
	"context"
	"net/http"

	"github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/relais/relais/connectors"
)

// Image limits of app.bsky.embed.images.
const (
	MaxImages     = 4
	MaxImageBytes = 2_000_000
)

// ImageTypes are the image types relais uploads to Bluesky.
var ImageTypes = []string{"image/jpeg", "image/png", "image/webp", "image/gif"}

// uploadImages uploads each image with com.atproto.repo.uploadBlob and
// returns the post's images embed, or nil without media.
func (c *Client) uploadImages(ctx context.Context, x xrpc, media []connectors.Media) (*bsky.FeedPost_Embed, error) {
	if len(media) == 0 {
		return nil, nil
	}
	imgs := &bsky.EmbedImages{LexiconTypeID: "app.bsky.embed.images"}
	for _, m := range media {
		var out atproto.RepoUploadBlob_Output
		if err := x.LexDo(ctx, http.MethodPost, m.ContentType, "com.atproto.repo.uploadBlob", nil, bytes.NewReader(m.Data), &out); err != nil {
			return nil, err
		}
		imgs.Images = append(imgs.Images, &bsky.EmbedImages_Image{Alt: m.AltText, Image: out.Blob, AspectRatio: aspectRatio(m.Data)})
	}
	return &bsky.FeedPost_Embed{EmbedImages: imgs}, nil
}
