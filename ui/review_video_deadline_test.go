package ui_test

import (
	"fmt"
	"net"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/auth"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
	"github.com/relais/relais/ui"
	"github.com/relais/relais/video"
)

// TestReviewVideoChunkDeadlineNeedsAuth: as for images
// (TestReviewUploadDeadlineNeedsAuth), the longer read deadline of a video
// chunk is given only once the caller is signed in. An anonymous caller
// trickling a PATCH body must be cut off by the server's ReadTimeout, not
// held for ui.UploadReadTimeout.
func TestReviewVideoChunkDeadlineNeedsAuth(t *testing.T) {
	st := storetest.Open(t, store.DialectSQLite)
	us, err := video.NewUploads(t.TempDir())
	require.NoError(t, err)
	srv := httptest.NewUnstartedServer(ui.New(ui.Config{Auth: auth.New(st), Hub: ui.NewHub(), Videos: us}))
	srv.Config.ReadTimeout = time.Second
	srv.Start()
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	c, err := net.Dial("tcp", host)
	require.NoError(t, err)
	defer c.Close()
	_, err = fmt.Fprintf(c, "PATCH /api/videos/uploads/%032d HTTP/1.1\r\nHost: %s\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: 100000\r\n\r\n", 0, host)
	require.NoError(t, err)
	start := time.Now()
	for time.Since(start) < 6*time.Second {
		if _, err := c.Write([]byte("a")); err != nil {
			return // the server cut the connection
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("an anonymous video chunk still trickled in after %s (ReadTimeout 1s)", time.Since(start).Round(time.Second))
}
