package videoup

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/relais/relais/connectors/httpc"
)

// xMedia is the data object of X's media upload answers.
type xMedia struct {
	Data struct {
		ID             string `json:"id"`
		ProcessingInfo *struct {
			State          string `json:"state"` // pending, in_progress, succeeded, failed
			CheckAfterSecs int    `json:"check_after_secs"`
			Error          *struct {
				Message string `json:"message"`
			} `json:"error"`
		} `json:"processing_info"`
	} `json:"data"`
}

// X uploads f with the chunked POST /2/media/upload (command INIT, APPEND
// for each 4 MB segment, FINALIZE), then polls GET /2/media/upload
// ?command=STATUS until processing succeeds; it returns the media id to
// attach to a post. hc must sign requests for the account (OAuth 1.0a).
// https://docs.x.com/x-api/media/quickstart/media-upload-chunked
func (c *Client) X(ctx context.Context, base string, f File) (string, error) {
	var init xMedia
	if err := c.xCommand(ctx, base, []part{{name: "command", value: "INIT"}, {name: "media_type", value: f.ContentType},
		{name: "total_bytes", value: strconv.FormatInt(f.Size, 10)}, {name: "media_category", value: "tweet_video"}}, &init); err != nil {
		return "", err
	} else if init.Data.ID == "" {
		return "", fmt.Errorf("videoup: X INIT gave no media id")
	}
	id := init.Data.ID
	for i, off := 0, int64(0); off < f.Size; i, off = i+1, off+ChunkSize {
		seg := io.NewSectionReader(f.R, off, min(ChunkSize, f.Size-off))
		if err := c.xCommand(ctx, base, []part{{name: "command", value: "APPEND"}, {name: "media_id", value: id},
			{name: "segment_index", value: strconv.Itoa(i)}, {name: "media", file: seg, filename: "blob", contentType: "application/octet-stream"}}, nil); err != nil {
			return "", err
		}
	}
	var fin xMedia
	if err := c.xCommand(ctx, base, []part{{name: "command", value: "FINALIZE"}, {name: "media_id", value: id}}, &fin); err != nil {
		return "", err
	}
	return id, c.xAwait(ctx, base, id, fin)
}

func (c *Client) xCommand(ctx context.Context, base string, parts []part, out any) error {
	_, err := c.call(ctx, form(http.MethodPost, base+"/2/media/upload", "upload video", parts), out)
	return err
}

// xAwait polls STATUS while the video is being processed.
func (c *Client) xAwait(ctx context.Context, base, id string, m xMedia) error {
	deadline := time.Now().Add(c.maxWait())
	for {
		pi := m.Data.ProcessingInfo
		switch {
		case pi == nil || pi.State == "succeeded":
			return nil
		case pi.State == "failed":
			msg := "failed"
			if pi.Error != nil {
				msg = pi.Error.Message
			}
			return fmt.Errorf("%w: X: %s", ErrProcessing, msg)
		case time.Now().After(deadline):
			return fmt.Errorf("%w: X still %s after %s", ErrProcessing, pi.State, c.maxWait())
		}
		if err := c.wait(ctx, time.Duration(max(pi.CheckAfterSecs, 1))*time.Second); err != nil {
			return err
		}
		m = xMedia{}
		u := base + "/2/media/upload?" + url.Values{"command": {"STATUS"}, "media_id": {id}}.Encode()
		if _, err := c.call(ctx, httpc.Request{URL: u, Op: "check video"}, &m); err != nil {
			return err
		}
	}
}
