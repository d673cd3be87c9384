package videopost

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"

	"github.com/relais/relais/connectors/videoup"
)

// mastodonThumbnail sets the attachment's custom thumbnail with
// PUT /api/v1/media/:id (multipart "thumbnail"); nothing when th is nil.
// https://docs.joinmastodon.org/methods/media/#update
func (pb *Publisher) mastodonThumbnail(ctx context.Context, inst, token, id string, th *Thumbnail) error {
	if th == nil {
		return nil
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="thumbnail"; filename="thumbnail"`)
	h.Set("Content-Type", th.ContentType)
	w, err := mw.CreatePart(h)
	if err != nil {
		return err
	} else if _, err := w.Write(th.Data); err != nil {
		return err
	} else if err := mw.Close(); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, "PUT", inst+"/api/v1/media/"+id, &body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := pb.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if resp.StatusCode >= 400 {
		return &videoup.Error{Status: resp.StatusCode, Body: fmt.Sprintf("thumbnail: %s", b)}
	}
	return nil
}
