package mastodon

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"time"

	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// mediaPoll is how often and how many times to ask whether an upload that
// answered 202 (still processing) is ready.
var mediaPoll = struct {
	every time.Duration
	times int
}{500 * time.Millisecond, 20}

type attachment struct {
	ID  string  `json:"id"`
	URL *string `json:"url"`
}

// upload sends one image with POST /api/v2/media (multipart: file and
// description) and waits until the instance has processed it.
func (c *Client) upload(ctx context.Context, base, tok string, m connectors.Media) (string, error) {
	body, ctype, err := multipartBody(m)
	if err != nil {
		return "", err
	}
	var at attachment
	code, err := c.call(ctx, httpc.Request{Method: http.MethodPost, URL: base + "/api/v2/media", Op: "upload media", Token: tok,
		Body: body, Header: http.Header{"Content-Type": {ctype}}}, &at)
	if err != nil {
		return "", err
	}
	if code == http.StatusAccepted {
		return at.ID, c.waitProcessed(ctx, base, tok, at.ID)
	}
	return at.ID, nil
}

// waitProcessed polls GET /api/v1/media/:id until it answers 200.
func (c *Client) waitProcessed(ctx context.Context, base, tok, id string) error {
	for range mediaPoll.times {
		var at attachment
		code, err := c.get(ctx, base+"/api/v1/media/"+id, tok, "check media", &at)
		if err != nil {
			return err
		} else if code == http.StatusOK {
			return nil
		}
		if err := httpc.Sleep(ctx, mediaPoll.every); err != nil {
			return c.api.TransportError("check media", false, err)
		}
	}
	return &connectors.Error{Platform: "mastodon", Class: connectors.Retryable,
		Err: fmt.Errorf("mastodon: unable to upload media: id=%s still processing", id)}
}

func multipartBody(m connectors.Media) (*bytes.Buffer, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", multipart.FileContentDisposition("file", m.Filename))
	h.Set("Content-Type", m.ContentType)
	part, err := w.CreatePart(h)
	if err == nil {
		_, err = part.Write(m.Data)
	}
	if err == nil && m.AltText != "" {
		err = w.WriteField("description", m.AltText)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		return nil, "", fmt.Errorf("mastodon: unable to encode media: %w", err)
	}
	return &buf, w.FormDataContentType(), nil
}
