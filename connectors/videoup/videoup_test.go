package videoup

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func clip(n int) File {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*131 + i>>9)
	}
	return File{R: bytes.NewReader(b), Size: int64(n), ContentType: "video/mp4", Filename: "marche.mp4"}
}

func sum(f File) [32]byte {
	b, _ := io.ReadAll(io.NewSectionReader(f.R, 0, f.Size))
	return sha256.Sum256(b)
}

func fastClient() *Client {
	return &Client{HTTP: http.DefaultClient, Wait: func(context.Context, time.Duration) error { return nil }, MaxWait: time.Minute}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// fakeX speaks X's chunked media upload as documented at
// https://docs.x.com/x-api/media/quickstart/media-upload-chunked: POST
// /2/media/upload with multipart command=INIT (answers data.id),
// APPEND (segment_index, media; 2xx, empty body), FINALIZE (answers
// data.processing_info with state pending and check_after_secs), and GET
// ?command=STATUS&media_id= (processing_info state in_progress, then
// succeeded or failed with error.message).
type fakeX struct {
	mu       sync.Mutex
	total    int64
	segments map[int][]byte
	statuses []string // states STATUS answers in turn
	calls    []string
}

func (x *fakeX) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if r.URL.Path != "/2/media/upload" {
		http.NotFound(w, r)
		return
	}
	if r.Method == "GET" {
		x.calls = append(x.calls, "STATUS")
		state := x.statuses[0]
		x.statuses = x.statuses[1:]
		pi := map[string]any{"state": state, "check_after_secs": 1}
		if state == "failed" {
			pi["error"] = map[string]any{"code": 1, "name": "InvalidMedia", "message": "Unsupported video format"}
		}
		writeJSON(w, 200, map[string]any{"data": map[string]any{"id": "1880028106020515840", "processing_info": pi}})
		return
	}
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		http.Error(w, "multipart required", 400)
		return
	}
	cmd := r.FormValue("command")
	x.calls = append(x.calls, cmd)
	switch cmd {
	case "INIT":
		x.total, _ = strconv.ParseInt(r.FormValue("total_bytes"), 10, 64)
		if r.FormValue("media_type") != "video/mp4" || r.FormValue("media_category") != "tweet_video" || x.total <= 0 {
			http.Error(w, "bad INIT", 400)
			return
		}
		x.segments = map[int][]byte{}
		writeJSON(w, 202, map[string]any{"data": map[string]any{"id": "1880028106020515840", "media_key": "7_1880028106020515840", "expires_after_secs": 86400}})
	case "APPEND":
		f, _, err := r.FormFile("media")
		i, _ := strconv.Atoi(r.FormValue("segment_index"))
		if err != nil || r.FormValue("media_id") != "1880028106020515840" {
			http.Error(w, "bad APPEND", 400)
			return
		}
		b, _ := io.ReadAll(f)
		if len(b) > 5<<20 {
			http.Error(w, "segment over 5 MB", 400)
			return
		}
		x.segments[i] = b
		w.WriteHeader(204)
	case "FINALIZE":
		var n int64
		for _, s := range x.segments {
			n += int64(len(s))
		}
		if n != x.total {
			http.Error(w, "size mismatch", 400)
			return
		}
		writeJSON(w, 200, map[string]any{"data": map[string]any{"id": "1880028106020515840", "size": n,
			"processing_info": map[string]any{"state": "pending", "check_after_secs": 1}}})
	default:
		http.Error(w, "unknown command", 400)
	}
}

func (x *fakeX) file() []byte {
	var b []byte
	for i := 0; i < len(x.segments); i++ {
		b = append(b, x.segments[i]...)
	}
	return b
}

func TestXChunkedUploadINITAPPENDFINALIZESTATUS(t *testing.T) {
	fx := &fakeX{statuses: []string{"in_progress", "succeeded"}}
	srv := httptest.NewServer(fx)
	defer srv.Close()
	f := clip(9<<20 + 123)
	id, err := fastClient().X(context.Background(), srv.URL, f)
	require.NoError(t, err)
	require.Equal(t, "1880028106020515840", id)
	require.Equal(t, []string{"INIT", "APPEND", "APPEND", "APPEND", "FINALIZE", "STATUS", "STATUS"}, fx.calls)
	require.Equal(t, sum(f), sha256.Sum256(fx.file()), "the segments rebuild the file")

	fx2 := &fakeX{statuses: []string{"failed"}}
	srv2 := httptest.NewServer(fx2)
	defer srv2.Close()
	_, err = fastClient().X(context.Background(), srv2.URL, clip(1000))
	require.ErrorIs(t, err, ErrProcessing)
	require.Contains(t, err.Error(), "Unsupported video format")
}

// fakeMastodon speaks https://docs.joinmastodon.org/methods/media/#v2:
// POST /api/v2/media answers 202 Accepted with the attachment (url null)
// while processing; GET /api/v1/media/:id answers 206 Partial Content
// until processed, then 200 with the url.
func fakeMastodon(t *testing.T, polls int, got *[32]byte) *httptest.Server {
	var mu sync.Mutex
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.Header.Get("Authorization") != "Bearer tok" {
			writeJSON(w, 401, map[string]string{"error": "The access token is invalid"})
			return
		}
		switch {
		case r.Method == "POST" && r.URL.Path == "/api/v2/media":
			f, h, err := r.FormFile("file")
			if err != nil || h.Header.Get("Content-Type") != "video/mp4" || r.FormValue("description") == "" {
				writeJSON(w, 422, map[string]string{"error": "Validation failed"})
				return
			}
			b, _ := io.ReadAll(f)
			*got = sha256.Sum256(b)
			writeJSON(w, 202, map[string]any{"id": "22348641", "type": "video", "url": nil})
		case r.Method == "GET" && r.URL.Path == "/api/v1/media/22348641":
			if polls > 0 {
				polls--
				writeJSON(w, 206, map[string]any{"id": "22348641", "type": "video", "url": nil})
				return
			}
			writeJSON(w, 200, map[string]any{"id": "22348641", "type": "video", "url": "https://files.example/v.mp4"})
		default:
			http.NotFound(w, r)
		}
	}))
}

func TestMastodonAsyncMediaPolledUntilReady(t *testing.T) {
	var got [32]byte
	srv := fakeMastodon(t, 2, &got)
	defer srv.Close()
	f := clip(300 << 10)
	id, err := fastClient().Mastodon(context.Background(), srv.URL, "tok", f, "Au marché d'Aligre")
	require.NoError(t, err)
	require.Equal(t, "22348641", id)
	require.Equal(t, sum(f), got)

	_, err = fastClient().Mastodon(context.Background(), srv.URL, "wrong", f, "x")
	var pe *Error
	require.True(t, errors.As(err, &pe))
	require.Equal(t, 401, pe.Status)

	c := fastClient()
	c.MaxWait = time.Nanosecond
	srv2 := fakeMastodon(t, 1000, &got)
	defer srv2.Close()
	c.Wait = func(context.Context, time.Duration) error { time.Sleep(time.Millisecond); return nil }
	_, err = c.Mastodon(context.Background(), srv2.URL, "tok", f, "x")
	require.ErrorIs(t, err, ErrProcessing)
}

// fakeTelegram speaks https://core.telegram.org/bots/api#sendvideo:
// POST /bot<token>/sendVideo, multipart chat_id and video; answers
// {"ok":true,"result":Message} or {"ok":false,"error_code","description"}.
func TestTelegramSendVideo(t *testing.T) {
	var got [32]byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/bot123:abc/sendVideo" {
			writeJSON(w, 404, map[string]any{"ok": false, "error_code": 404, "description": "Not Found"})
			return
		}
		f, _, err := r.FormFile("video")
		if err != nil || r.FormValue("chat_id") != "@avecanne" || r.FormValue("supports_streaming") != "true" || r.FormValue("duration") != "30" {
			writeJSON(w, 400, map[string]any{"ok": false, "error_code": 400, "description": "Bad Request: wrong parameters"})
			return
		}
		b, _ := io.ReadAll(f)
		got = sha256.Sum256(b)
		writeJSON(w, 200, map[string]any{"ok": true, "result": map[string]any{"message_id": 4242, "video": map[string]any{"duration": 30}}})
	}))
	defer srv.Close()
	f := clip(200 << 10)
	id, err := fastClient().Telegram(context.Background(), srv.URL, "123:abc", "@avecanne", f, "Au marché", 1280, 720, 30)
	require.NoError(t, err)
	require.Equal(t, "4242", id)
	require.Equal(t, sum(f), got)
	_, err = fastClient().Telegram(context.Background(), srv.URL, "123:abc", "@ailleurs", f, "x", 1280, 720, 30)
	require.ErrorContains(t, err, "wrong parameters")
}

// fakeFacebook speaks the Page video upload of
// https://developers.facebook.com/docs/video-api/guides/publishing/:
// POST /{page-id}/videos with multipart source and access_token answers
// {"id"}; a bad token answers a Graph error object.
func TestFacebookPageVideo(t *testing.T) {
	var got [32]byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/1234/videos" || r.Method != "POST" {
			http.NotFound(w, r)
			return
		}
		f, _, err := r.FormFile("source")
		if err != nil || r.FormValue("access_token") != "page-token" {
			writeJSON(w, 400, map[string]any{"error": map[string]any{"message": "Invalid OAuth access token.", "type": "OAuthException", "code": 190}})
			return
		}
		b, _ := io.ReadAll(f)
		got = sha256.Sum256(b)
		writeJSON(w, 200, map[string]any{"id": "10153231379946729"})
	}))
	defer srv.Close()
	f := clip(150 << 10)
	id, err := fastClient().Facebook(context.Background(), srv.URL, "1234", "page-token", f, "Au marché")
	require.NoError(t, err)
	require.Equal(t, "10153231379946729", id)
	require.Equal(t, sum(f), got)
	_, err = fastClient().Facebook(context.Background(), srv.URL, "1234", "expired", f, "x")
	require.ErrorContains(t, err, "OAuthException")
}
