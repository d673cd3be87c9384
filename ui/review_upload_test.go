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
)

// TestReviewUploadDeadlineNeedsAuth (issue 11 item 8, second review): the
// longer read deadline of uploads is given only to a signed-in caller. An
// anonymous caller trickling a body to POST /api/media must be cut off by
// the server's ReadTimeout, not held for ui.UploadReadTimeout (2 min).
func TestReviewUploadDeadlineNeedsAuth(t *testing.T) {
	st := storetest.Open(t, store.DialectSQLite)
	srv := httptest.NewUnstartedServer(ui.New(ui.Config{Auth: auth.New(st), Hub: ui.NewHub()}))
	srv.Config.ReadTimeout = time.Second
	srv.Start()
	defer srv.Close()
	c, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	require.NoError(t, err)
	defer c.Close()
	_, err = fmt.Fprintf(c, "POST /api/media HTTP/1.1\r\nHost: %s\r\nContent-Type: image/png\r\nContent-Length: 100000\r\n\r\n",
		strings.TrimPrefix(srv.URL, "http://"))
	require.NoError(t, err)
	start := time.Now()
	for time.Since(start) < 6*time.Second {
		if _, err := c.Write([]byte("a")); err != nil {
			return // the server cut the connection
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("an anonymous upload body still trickled in after %s (ReadTimeout 1s)", time.Since(start).Round(time.Second))
}
