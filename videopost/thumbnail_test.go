package videopost_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/jpeg"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/videopost"
)

// TestThumbnailGoesWithTheVideo: the approved thumbnail reaches Facebook
// as the Page video's "thumb" and Telegram as sendVideo's "thumbnail"
// (attach://thumb), as their video calls document
// (https://developers.facebook.com/docs/graph-api/reference/page/videos/#Creating,
// https://core.telegram.org/bots/api#sendvideo).
func TestThumbnailGoesWithTheVideo(t *testing.T) {
	f := newFixture(t, 60<<10)
	var b bytes.Buffer
	require.NoError(t, jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 320, 180)), nil))
	th := &videopost.Thumbnail{Data: b.Bytes(), ContentType: "image/jpeg"}
	want := sha256.Sum256(th.Data)
	got := map[string]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		part := "thumb"
		if r.FormValue("thumbnail") != "" && r.FormValue("thumbnail") != "attach://thumb" {
			part = "" // Telegram: a thumbnail naming no attached file
		}
		if file, _, err := r.FormFile(part); err == nil {
			data, _ := io.ReadAll(file)
			s := sha256.Sum256(data)
			got[r.URL.Path] = hex.EncodeToString(s[:])
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true,"result":{"message_id":77},"id":"9876"}`))
	}))
	defer srv.Close()
	tg := relais.Account{Platform: relais.PlatformTelegram, Handle: "@avecanne", BaseURL: srv.URL, Credentials: map[string]string{"bot_token": "1:a"}}
	fb := relais.Account{Platform: relais.PlatformFacebook, BaseURL: srv.URL, Credentials: map[string]string{"page_access_token": "pt", "page_id": "42"}}
	for _, a := range []relais.Account{tg, fb} {
		_, err := f.pub.Publish(context.Background(), a, videopost.Post{Text: "Au marché", Video: f.v, Thumbnail: th})
		require.NoError(t, err)
	}
	require.Equal(t, map[string]string{"/bot1:a/sendVideo": hex.EncodeToString(want[:]), "/42/videos": hex.EncodeToString(want[:])}, got)
}
