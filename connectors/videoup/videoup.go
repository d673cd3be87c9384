// Package videoup sends a checked video to each platform's video API,
// streaming it from disk (never whole in memory): X's chunked media upload
// (INIT, APPEND, FINALIZE, then STATUS until processed), Mastodon's
// asynchronous POST /api/v2/media (polled until the attachment is ready),
// a Facebook Page video, and Telegram's sendVideo. Each call returns the
// platform's identifier for the media (or message) to publish with.
package videoup

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"time"

	"github.com/relais/relais/connectors/httpc"
)

// File is a video already checked by package video.
type File struct {
	R           io.ReaderAt
	Size        int64
	ContentType string // video/mp4, video/quicktime, video/webm
	Filename    string
	// Thumbnail, when set, goes with the video where the platform's video
	// call takes one (Facebook, Telegram).
	Thumbnail *Image
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
	return httpc.Sleep(ctx, d)
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

// call sends r with the platforms' shared client (connectors/httpc: no
// replay of a request with a body, user agent, answers read up to 1 MB)
// and decodes a JSON answer into out (if not nil). It returns the status;
// statuses of 300 and more are *Error with the body, failures without an
// answer *connectors.Error without the URL (Telegram's holds the token).
func (c *Client) call(ctx context.Context, r httpc.Request, out any) (int, error) {
	return httpc.New(c.HTTP, httpc.Config{Platform: "videoup", MaxBody: 1 << 20}).Fetch(ctx, r, out)
}

// form is a multipart request of parts, streamed.
func form(method, u, op string, parts []part) httpc.Request {
	body, ct := multipartBody(parts)
	return httpc.Request{Method: method, URL: u, Op: op, Body: body, Header: http.Header{"Content-Type": {ct}}}
}

// Error is a platform's refusal: its status and answer.
type Error = httpc.StatusError

// ErrProcessing is returned when the platform failed to process the video
// or did not finish within MaxWait.
var ErrProcessing = errors.New("videoup: the platform could not process the video")
