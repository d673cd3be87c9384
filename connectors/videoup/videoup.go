// Package videoup sends a checked video to each platform's video API,
// streaming it from disk (never whole in memory): X's chunked media upload
// (INIT, APPEND, FINALIZE, then STATUS until processed), Mastodon's
// asynchronous POST /api/v2/media (polled until the attachment is ready),
// a Facebook Page video, and Telegram's sendVideo. Each call returns the
// platform's identifier for the media (or message) to publish with.
package videoup

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"time"
)

// File is a video already checked by package video.
type File struct {
	R           io.ReaderAt
	Size        int64
	ContentType string // video/mp4, video/quicktime, video/webm
	Filename    string
}

// Client sends videos with an HTTP client (for X, one that signs requests).
type Client struct {
	HTTP    *http.Client
	MaxWait time.Duration // how long to wait for processing (default 10 min)
	// Wait sleeps d or until ctx ends (tests shorten it).
	Wait func(ctx context.Context, d time.Duration) error
}

// ChunkSize is the size of X's APPEND segments (X allows up to 5 MB).
const ChunkSize = 4 << 20

func (c *Client) wait(ctx context.Context, d time.Duration) error {
	if c.Wait != nil {
		return c.Wait(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (c *Client) maxWait() time.Duration {
	if c.MaxWait > 0 {
		return c.MaxWait
	}
	return 10 * time.Minute
}

// part is one multipart field: a value, or a file streamed from r.
type part struct {
	name, value string
	file        *io.SectionReader
	filename    string
	contentType string
}

// multipartBody streams the parts through a pipe.
func multipartBody(parts []part) (io.ReadCloser, string) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		pw.CloseWithError(writeParts(mw, parts))
	}()
	return pr, mw.FormDataContentType()
}

func writeParts(mw *multipart.Writer, parts []part) error {
	for _, p := range parts {
		if p.file == nil {
			if err := mw.WriteField(p.name, p.value); err != nil {
				return err
			}
			continue
		}
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, p.name, p.filename))
		h.Set("Content-Type", p.contentType)
		w, err := mw.CreatePart(h)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, p.file); err != nil {
			return err
		}
	}
	return mw.Close()
}

// do sends a request and decodes a JSON answer into out (if not nil). It
// returns the status; statuses of 400 and more are errors with the body.
func (c *Client) do(req *http.Request, out any) (int, error) {
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode >= 400 {
		return resp.StatusCode, &Error{Status: resp.StatusCode, Body: string(body)}
	}
	if out != nil && len(body) > 0 {
		if err := json.Unmarshal(body, out); err != nil {
			return resp.StatusCode, fmt.Errorf("videoup: malformed answer: %w", err)
		}
	}
	return resp.StatusCode, nil
}

// Error is a platform's refusal.
type Error struct {
	Status int
	Body   string
}

// Error implements error.
func (e *Error) Error() string {
	return fmt.Sprintf("videoup: platform answered %d: %.300s", e.Status, e.Body)
}

// ErrProcessing is returned when the platform failed to process the video
// or did not finish within MaxWait.
var ErrProcessing = errors.New("videoup: the platform could not process the video")
