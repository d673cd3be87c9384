package videoup

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/relais/relais/connectors/httpc"
)

// Mastodon uploads f with POST /api/v2/media (file, description) using
// the account's bearer token. The instance answers 200 when the
// attachment is ready or 202 while it processes it; relais then polls
// GET /api/v1/media/:id until 200 (206 Partial Content while processing).
// https://docs.joinmastodon.org/methods/media/#v2
func (c *Client) Mastodon(ctx context.Context, base, token string, f File, description string) (string, error) {
	r := form(http.MethodPost, base+"/api/v2/media", "upload video", []part{{name: "description", value: description},
		{name: "file", file: io.NewSectionReader(f.R, 0, f.Size), filename: f.Filename, contentType: f.ContentType}})
	r.Token = token
	var att struct {
		ID string `json:"id"`
	}
	status, err := c.call(ctx, r, &att)
	if err != nil {
		return "", err
	} else if att.ID == "" {
		return "", fmt.Errorf("videoup: Mastodon gave no attachment id")
	}
	deadline := time.Now().Add(c.maxWait())
	for status == http.StatusAccepted || status == http.StatusPartialContent {
		if time.Now().After(deadline) {
			return "", fmt.Errorf("%w: Mastodon still processing after %s", ErrProcessing, c.maxWait())
		} else if err := c.wait(ctx, time.Second); err != nil {
			return "", err
		}
		if status, err = c.call(ctx, httpc.Request{URL: base + "/api/v1/media/" + att.ID, Op: "check video", Token: token}, nil); err != nil {
			return "", err
		}
	}
	return att.ID, nil
}

// Telegram sends f to the channel chatID with sendVideo (multipart: chat_id,
// video, caption, supports_streaming, the size and duration read from
// the container, and f's thumbnail when it fits Telegram's limits) and
// returns the message id.
// https://core.telegram.org/bots/api#sendvideo
func (c *Client) Telegram(ctx context.Context, base, token, chatID string, f File, caption string, width, height, seconds int) (string, error) {
	parts := []part{{name: "chat_id", value: chatID},
		{name: "caption", value: caption}, {name: "supports_streaming", value: "true"}, {name: "width", value: strconv.Itoa(width)},
		{name: "height", value: strconv.Itoa(height)}, {name: "duration", value: strconv.Itoa(seconds)},
		{name: "video", file: io.NewSectionReader(f.R, 0, f.Size), filename: f.Filename, contentType: f.ContentType}}
	r := form(http.MethodPost, base+"/bot"+token+"/sendVideo", "send video", append(parts, telegramThumb(f.Thumbnail)...))
	r.Creates = true
	var out struct {
		OK     bool `json:"ok"`
		Result struct {
			MessageID int64 `json:"message_id"`
		} `json:"result"`
		Description string `json:"description"`
	}
	if _, err := c.call(ctx, r, &out); err != nil {
		return "", err
	} else if !out.OK || out.Result.MessageID == 0 {
		return "", fmt.Errorf("videoup: Telegram refused the video: %s", out.Description)
	}
	return strconv.FormatInt(out.Result.MessageID, 10), nil
}

// Facebook publishes f on the Page with POST /{page-id}/videos (multipart
// source, description, access_token, and f's thumbnail as thumb: the
// non-resumable upload, for files up to 1 GB) and returns the video id.
// https://developers.facebook.com/docs/video-api/guides/publishing/
func (c *Client) Facebook(ctx context.Context, base, pageID, token string, f File, description string) (string, error) {
	parts := []part{{name: "access_token", value: token}, {name: "description", value: description},
		{name: "source", file: io.NewSectionReader(f.R, 0, f.Size), filename: f.Filename, contentType: f.ContentType}}
	r := form(http.MethodPost, base+"/"+pageID+"/videos", "publish video", append(parts, facebookThumb(f.Thumbnail)...))
	r.Creates = true
	var out struct {
		ID string `json:"id"`
	}
	if _, err := c.call(ctx, r, &out); err != nil {
		return "", err
	} else if out.ID == "" {
		return "", fmt.Errorf("videoup: Facebook gave no video id")
	}
	return out.ID, nil
}
