package videoup

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/relais/relais/connectors/httpc"
)

// Blob is the blob reference a PDS returns for an upload, to put in an
// app.bsky.embed.video record as is.
type Blob json.RawMessage

// MarshalJSON writes the reference unchanged.
func (b Blob) MarshalJSON() ([]byte, error) { return json.RawMessage(b), nil }

// Bluesky uploads f to the account's PDS with com.atproto.repo.uploadBlob
// (the raw bytes, streamed, with their MIME type) and returns the blob
// reference. The real PDS serves only com.atproto.* (the app.bsky video
// service, app.bsky.video.uploadVideo, runs on Bluesky's own video host and
// transcodes; relais uploads the checked file as the post's blob instead).
// https://docs.bsky.app/docs/api/com-atproto-repo-upload-blob
func (c *Client) Bluesky(ctx context.Context, pds, accessJwt string, f File) (Blob, error) {
	var out struct {
		Blob json.RawMessage `json:"blob"`
	}
	_, err := c.call(ctx, httpc.Request{Method: http.MethodPost, URL: pds + "/xrpc/com.atproto.repo.uploadBlob", Op: "upload video",
		Token: accessJwt, Body: io.NewSectionReader(f.R, 0, f.Size), Length: f.Size, Header: http.Header{"Content-Type": {f.ContentType}}}, &out)
	if err != nil {
		return nil, err
	} else if len(out.Blob) == 0 {
		return nil, fmt.Errorf("videoup: the PDS gave no blob")
	}
	return Blob(out.Blob), nil
}

// BlueskyEmbed is the app.bsky.embed.video object of a post carrying blob.
func BlueskyEmbed(blob Blob, alt string, width, height int) map[string]any {
	e := map[string]any{"$type": "app.bsky.embed.video", "video": blob, "alt": alt}
	if width > 0 && height > 0 {
		e["aspectRatio"] = map[string]int{"width": width, "height": height}
	}
	return e
}
