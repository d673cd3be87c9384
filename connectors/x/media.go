package x

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// Image limits for posts (docs.x.com, media best practices).
const (
	MaxImages     = 4
	MaxImageBytes = 5 << 20
)

// ImageTypes are the image types X accepts for posts.
var ImageTypes = []string{"image/jpeg", "image/png", "image/gif", "image/webp"}

type uploadRequest struct {
	Media         string `json:"media"` // base64 in JSON bodies
	MediaCategory string `json:"media_category"`
	MediaType     string `json:"media_type"`
}

type uploadResponse struct {
	Data struct {
		ID       string `json:"id"`
		MediaKey string `json:"media_key"`
	} `json:"data"`
}

// upload sends one image with the one-shot JSON form of POST
// /2/media/upload and returns its media id. An upload creates nothing
// visible, so its failures are never OutcomeUnknown.
func (c *Client) upload(ctx context.Context, hc *http.Client, a relais.Account, m connectors.Media) (string, error) {
	req := uploadRequest{
		Media:         base64.StdEncoding.EncodeToString(m.Data),
		MediaCategory: "tweet_image",
		MediaType:     m.ContentType,
	}
	var out uploadResponse
	if err := c.post(ctx, hc, c.base(a)+"/2/media/upload", req, &out, "upload media", false); err != nil {
		return "", err
	}
	if out.Data.ID == "" {
		return "", &connectors.Error{Platform: "x", Class: connectors.Retryable,
			Err: fmt.Errorf("x: unable to upload media: no media id in answer")}
	}
	return out.Data.ID, nil
}

// Validate implements connectors.Connector: X's weighted length (280, URLs
// 23, emoji and CJK 2, NFC) and at most four JPEG, PNG, GIF or WebP images
// of 5 MB each.
func (c *Client) Validate(d connectors.Draft) []connectors.Problem { return imageRules.Check("x", d) }

var imageRules = connectors.ImageRules{Platform: "X", MaxCount: MaxImages, MaxBytes: MaxImageBytes, Types: ImageTypes}
