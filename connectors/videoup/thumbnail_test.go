package videoup

import (
	"bytes"
	"context"
	"crypto/sha256"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

// picture encodes a w×h image as JPEG or PNG.
func picture(t *testing.T, w, h int, typ string) *Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(w/2, h/2, color.RGBA{R: 200, A: 255})
	var b bytes.Buffer
	if typ == "image/png" {
		require.NoError(t, png.Encode(&b, img))
	} else {
		require.NoError(t, jpeg.Encode(&b, img, nil))
	}
	return &Image{Data: b.Bytes(), ContentType: typ}
}

// thumbSeen records the thumbnail a fake platform received (its SHA-256,
// and its part's name), or nothing.
type thumbSeen struct {
	sum  [32]byte
	seen bool
}

func (ts *thumbSeen) read(r *http.Request, part string) {
	f, _, err := r.FormFile(part)
	if err != nil {
		return
	}
	b, _ := io.ReadAll(f)
	ts.sum, ts.seen = sha256.Sum256(b), true
}

// TestTelegramThumbnail: sendVideo's "thumbnail" names a file part by
// attach://<name> (https://core.telegram.org/bots/api#sendvideo and
// #sending-files); the fake refuses a thumbnail field without its file.
// Only a JPEG of at most 320×320 px under 200 kB is sent.
func TestTelegramThumbnail(t *testing.T) {
	var got thumbSeen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = thumbSeen{}
		if _, _, err := r.FormFile("video"); err != nil {
			writeJSON(w, 400, map[string]any{"ok": false, "error_code": 400, "description": "Bad Request: no video"})
			return
		}
		if v := r.FormValue("thumbnail"); v != "" {
			if v != "attach://thumb" {
				writeJSON(w, 400, map[string]any{"ok": false, "error_code": 400, "description": "Bad Request: wrong thumbnail"})
				return
			}
			if got.read(r, "thumb"); !got.seen {
				writeJSON(w, 400, map[string]any{"ok": false, "error_code": 400, "description": "Bad Request: attached file not found"})
				return
			}
		}
		writeJSON(w, 200, map[string]any{"ok": true, "result": map[string]any{"message_id": 77}})
	}))
	defer srv.Close()
	send := func(im *Image) thumbSeen {
		f := clip(20 << 10)
		f.Thumbnail = im
		_, err := fastClient().Telegram(context.Background(), srv.URL, "1:a", "@avecanne", f, "Au marché", 160, 96, 2)
		require.NoError(t, err)
		return got
	}
	small := picture(t, 320, 180, "image/jpeg")
	require.Equal(t, thumbSeen{sum: sha256.Sum256(small.Data), seen: true}, send(small))
	require.False(t, send(picture(t, 640, 360, "image/jpeg")).seen, "over 320 px: Telegram makes its own")
	require.False(t, send(picture(t, 160, 90, "image/png")).seen, "not a JPEG")
	require.False(t, send(nil).seen)
}

// TestFacebookThumbnail: POST /{page-id}/videos takes the image file
// "thumb" (https://developers.facebook.com/docs/graph-api/reference/page/videos/#Creating);
// JPEG and PNG are sent, a WebP is not.
func TestFacebookThumbnail(t *testing.T) {
	var got thumbSeen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = thumbSeen{}
		if _, _, err := r.FormFile("source"); err != nil || r.URL.Path != "/42/videos" {
			writeJSON(w, 400, map[string]any{"error": map[string]any{"message": "(#100) No file was uploaded.", "type": "OAuthException", "code": 100}})
			return
		}
		got.read(r, "thumb")
		writeJSON(w, 200, map[string]any{"id": "9876"})
	}))
	defer srv.Close()
	send := func(im *Image) thumbSeen {
		f := clip(20 << 10)
		f.Thumbnail = im
		_, err := fastClient().Facebook(context.Background(), srv.URL, "42", "pt", f, "Au marché")
		require.NoError(t, err)
		return got
	}
	big := picture(t, 1280, 720, "image/png")
	require.Equal(t, thumbSeen{sum: sha256.Sum256(big.Data), seen: true}, send(big))
	jpg := picture(t, 640, 360, "image/jpeg")
	require.Equal(t, thumbSeen{sum: sha256.Sum256(jpg.Data), seen: true}, send(jpg))
	require.False(t, send(&Image{Data: []byte("RIFF....WEBP"), ContentType: "image/webp"}).seen)
}
