package main

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/textproto"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/stretchr/testify/require"
)

// TestShareKitEndToEnd runs relais with RELAIS_SMTP_* pointing at a real
// SMTP server on loopback: a supporter imported with the CLI receives,
// after a post with a link and an image is approved and published, a kit
// whose image is a MIME part and whose link is a /l/ short link of this
// relais, which redirects to the post's link.
func TestShareKitEndToEnd(t *testing.T) {
	inbox := startInbox(t)
	t.Setenv("RELAIS_SMTP_HOST", "127.0.0.1")
	t.Setenv("RELAIS_SMTP_PORT", fmt.Sprint(inbox.port))
	t.Setenv("RELAIS_SMTP_TLS", "none")
	t.Setenv("RELAIS_SMTP_FROM", "Avec Anne <equipe@avec-anne.fr>")
	tm := MustRunMain(t, "sqlite")
	file := filepath.Join(t.TempDir(), "soutiens.csv")
	require.NoError(t, os.WriteFile(file, []byte("email,postcode,consent_at,consent_source,mobilised\nlea@exemple.fr,75011,2026-02-12,meeting,oui\n"), 0o600))
	tm.cli("supporters", "import", file)
	cm := tm.member("cm@example.org", "community_manager")
	editor := tm.member("web@example.org", "editor")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	img := tm.upload(cm, "affiche.png", tinyPNG(t))

	var p postJSON
	body := fmt.Sprintf(`{"text":"Le programme : https://avec-anne.fr/programme","targets":["@avecanne"],"media":[%d]}`, img)
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", body, &p))
	require.Equal(t, http.StatusOK, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, http.StatusOK, tm.call(editor, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID),
		map[string]any{"content_hash": p.ContentHash}, &p))
	msg := inbox.wait(t)

	require.Equal(t, "lea@exemple.fr", msg.to)
	require.True(t, strings.HasPrefix(msg.header.Get("Content-Type"), "multipart/mixed;"), msg.header.Get("Content-Type"))
	require.Contains(t, msg.body, "Content-Type: image/png; name=\"affiche.png\"")
	require.Contains(t, msg.body, "Content-Disposition: attachment; filename=\"affiche.png\"")
	require.Contains(t, strings.ReplaceAll(msg.body, "\n", ""), base64.StdEncoding.EncodeToString(tinyPNG(t)), "the image's bytes")
	require.NotContains(t, msg.body, "avec-anne.fr/programme", "the link is tracked")
	short := regexp.MustCompile(regexp.QuoteMeta(tm.URL) + `/l/[0-9A-Za-z]{10}`).FindString(strings.ReplaceAll(msg.body, "=\n", ""))
	require.NotEmpty(t, short, "a short link of this relais in:\n%s", msg.body)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequest("GET", short, nil)
	req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
	res, err := c.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusFound, res.StatusCode)
	require.Equal(t, "https://avec-anne.fr/programme", res.Header.Get("Location"))
}

// inbox is a real SMTP server on loopback (go-smtp) keeping messages.
type inbox struct {
	port int
	mu   sync.Mutex
	msgs []inboxMsg
}

type inboxMsg struct {
	to     string
	header textproto.MIMEHeader
	body   string
}

func startInbox(t *testing.T) *inbox {
	in := &inbox{}
	srv := smtp.NewServer(in)
	srv.Domain, srv.AllowInsecureAuth = "127.0.0.1", true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	in.port = ln.Addr().(*net.TCPAddr).Port
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return in
}

// wait returns the first message, waiting up to 30 s for it.
func (in *inbox) wait(t *testing.T) inboxMsg {
	require.Eventually(t, func() bool { in.mu.Lock(); defer in.mu.Unlock(); return len(in.msgs) > 0 }, 30*time.Second, 50*time.Millisecond)
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.msgs[0]
}

// NewSession implements smtp.Backend.
func (in *inbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &inboxSession{in: in}, nil }

type inboxSession struct {
	in *inbox
	to string
}

func (s *inboxSession) Reset()                                    {}
func (s *inboxSession) Logout() error                             { return nil }
func (s *inboxSession) Mail(string, *smtp.MailOptions) error      { return nil }
func (s *inboxSession) Rcpt(to string, _ *smtp.RcptOptions) error { s.to = to; return nil }

func (s *inboxSession) Data(r io.Reader) error {
	tp := textproto.NewReader(bufio.NewReader(r))
	h, err := tp.ReadMIMEHeader()
	if err != nil {
		return err
	}
	body, err := io.ReadAll(tp.R)
	if err != nil {
		return err
	}
	s.in.mu.Lock()
	defer s.in.mu.Unlock()
	s.in.msgs = append(s.in.msgs, inboxMsg{to: s.to, header: h, body: strings.ReplaceAll(string(body), "\r\n", "\n")})
	return nil
}
