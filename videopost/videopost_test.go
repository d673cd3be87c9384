package videopost_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/internal/testclip"
	"github.com/relais/relais/video"
	"github.com/relais/relais/videopost"
)

// fixture is a publisher over a store of uploads holding one clip.
type fixture struct {
	pub  *videopost.Publisher
	us   *video.Uploads
	dir  string
	clip *video.Upload
	v    *relais.PostVideo
}

func newFixture(t *testing.T, size int) *fixture {
	t.Helper()
	dir := t.TempDir()
	us, err := video.NewUploads(dir)
	require.NoError(t, err)
	m := &relais.Member{ID: 7, Role: relais.RoleEditor}
	u := testclip.Upload(t, us, m, "marche.mp4", testclip.MP4(1280, 720, 12, size, 9))
	pub := videopost.New(us, http.DefaultClient)
	pub.Up.Wait = func(context.Context, time.Duration) error { return nil }
	v := &relais.PostVideo{UploadID: u.ID, SHA256: u.SHA256, Filename: u.Filename, ContentType: "video/mp4",
		Size: u.Size, Width: 1280, Height: 720, Seconds: 12, AltText: "Anne au marché"}
	return &fixture{pub: pub, us: us, dir: dir, clip: u, v: v}
}

func TestMastodonVideoStatus(t *testing.T) {
	f := newFixture(t, 300<<10)
	srv := testclip.NewMastodon("tok")
	defer srv.Close()
	a := relais.Account{ID: 3, Platform: relais.PlatformMastodon, BaseURL: srv.URL, Credentials: map[string]string{"access_token": "tok"}}
	r, err := f.pub.Publish(context.Background(), a, videopost.Post{Text: "Au marché ce matin", Lang: "fr", Video: f.v, Key: "k1"})
	require.NoError(t, err)
	uploads, statuses := srv.Snapshot()
	require.Equal(t, []string{f.clip.SHA256}, uploads, "the very bytes went to /api/v2/media")
	require.Len(t, statuses, 1)
	require.Equal(t, "Au marché ce matin", statuses[0].Text)
	require.Equal(t, []string{"1001"}, statuses[0].MediaIDs, "the status carries the processed attachment")
	require.Equal(t, "k1", statuses[0].Key)
	require.Equal(t, statuses[0].ID, r.RemoteID)

	require.Empty(t, srv.Thumbnails(), "no thumbnail given, none set")

	thumb := []byte("\x89PNG thumbnail bytes")
	_, err = f.pub.Publish(context.Background(), a, videopost.Post{Text: "Avec vignette", Video: f.v, Key: "k3",
		Thumbnail: &videopost.Thumbnail{Data: thumb, ContentType: "image/png"}})
	require.NoError(t, err)
	ts := sha256.Sum256(thumb)
	require.Equal(t, []string{"1002:" + hex.EncodeToString(ts[:])}, srv.Thumbnails(), "the thumbnail is set on the new attachment")

	a.Credentials["access_token"] = "revoked"
	_, err = f.pub.Publish(context.Background(), a, videopost.Post{Text: "x", Video: f.v, Key: "k2"})
	require.Equal(t, connectors.AuthExpired, connectors.ClassOf(err))
}

// TestChangedFileRefusedAtDelivery: bytes that are no longer the approved
// ones are never sent.
func TestChangedFileRefusedAtDelivery(t *testing.T) {
	f := newFixture(t, 64<<10)
	srv := testclip.NewMastodon("tok")
	defer srv.Close()
	path := f.dir + "/" + f.clip.ID
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	b[len(b)-1] ^= 0xFF
	require.NoError(t, os.WriteFile(path, b, 0o600))
	a := relais.Account{Platform: relais.PlatformMastodon, BaseURL: srv.URL, Credentials: map[string]string{"access_token": "tok"}}
	_, err = f.pub.Publish(context.Background(), a, videopost.Post{Text: "x", Video: f.v, Key: "k"})
	require.Error(t, err)
	require.Equal(t, connectors.Permanent, connectors.ClassOf(err))
	require.Contains(t, err.Error(), "changed since approval")
	uploads, _ := srv.Snapshot()
	require.Empty(t, uploads)
}

// TestTelegramAndFacebookVideoIsThePublication: the caption and the
// description carry the post's text.
func TestTelegramAndFacebookVideoIsThePublication(t *testing.T) {
	f := newFixture(t, 100<<10)
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		field, text := "video", r.FormValue("caption")
		if strings.HasSuffix(r.URL.Path, "/videos") {
			field, text = "source", r.FormValue("description")
		}
		file, _, err := r.FormFile(field)
		if err != nil {
			http.Error(w, `{"ok":false}`, 400)
			return
		}
		b, _ := io.ReadAll(file)
		s := sha256.Sum256(b)
		got = append(got, r.URL.Path+" "+text+" "+hex.EncodeToString(s[:]))
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true,"result":{"message_id":77},"id":"9876"}`))
	}))
	defer srv.Close()
	tg := relais.Account{Platform: relais.PlatformTelegram, Handle: "@avecanne", BaseURL: srv.URL, Credentials: map[string]string{"bot_token": "1:a"}}
	r, err := f.pub.Publish(context.Background(), tg, videopost.Post{Text: "Au marché", Video: f.v})
	require.NoError(t, err)
	require.Equal(t, "77", r.RemoteID)
	fb := relais.Account{Platform: relais.PlatformFacebook, BaseURL: srv.URL, Credentials: map[string]string{"page_access_token": "pt", "page_id": "42"}}
	r, err = f.pub.Publish(context.Background(), fb, videopost.Post{Text: "Au marché", Video: f.v})
	require.NoError(t, err)
	require.Equal(t, "9876", r.RemoteID)
	require.Equal(t, []string{"/bot1:a/sendVideo Au marché " + f.clip.SHA256, "/42/videos Au marché " + f.clip.SHA256}, got)
}

// TestXVideoPostSignedUploadThenTweet: the chunked upload and the post
// are OAuth-signed, and the post carries the media id.
func TestXVideoPostSignedUploadThenTweet(t *testing.T) {
	f := newFixture(t, 100<<10)
	var tweet map[string]any
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("Authorization"), "OAuth ") {
			http.Error(w, `{"title":"Unauthorized"}`, 401)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.URL.Path == "/2/media/upload" && r.FormValue("command") == "INIT":
			_, _ = w.Write([]byte(`{"data":{"id":"1880"}}`))
		case r.URL.Path == "/2/media/upload" && r.FormValue("command") == "APPEND":
			w.WriteHeader(204)
		case r.URL.Path == "/2/media/upload" && r.FormValue("command") == "FINALIZE":
			_, _ = w.Write([]byte(`{"data":{"id":"1880","processing_info":{"state":"succeeded"}}}`))
		case r.URL.Path == "/2/tweets":
			_ = json.NewDecoder(r.Body).Decode(&tweet)
			_, _ = w.Write([]byte(`{"data":{"id":"1999","text":"x"}}`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	a := relais.Account{Platform: relais.PlatformX, BaseURL: srv.URL, Credentials: map[string]string{
		"consumer_key": "ck", "consumer_secret": "cs", "access_token": "at", "access_token_secret": "as"}}
	r, err := f.pub.Publish(context.Background(), a, videopost.Post{Text: "Au marché", Video: f.v})
	require.NoError(t, err)
	require.Equal(t, "1999", r.RemoteID)
	require.Equal(t, map[string]any{"media_ids": []any{"1880"}}, tweet["media"])
	require.NotContains(t, tweet, "quote_tweet_id")
	_, err = f.pub.Publish(context.Background(), a, videopost.Post{Text: "Bravo", Video: f.v, Quote: &connectors.Quote{ID: "1869"}})
	require.NoError(t, err)
	require.Equal(t, "1869", tweet["quote_tweet_id"], "a quote with a video (https://docs.x.com/x-api/posts/create-post)")
	delete(a.Credentials, "access_token_secret")
	_, err = f.pub.Publish(context.Background(), a, videopost.Post{Text: "Au marché", Video: f.v})
	require.Equal(t, connectors.AuthExpired, connectors.ClassOf(err), "missing credentials: reconnect the account")
}
