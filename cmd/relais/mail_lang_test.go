package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/http"
	"net/textproto"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/stretchr/testify/require"
)

// TestMailInRecipientLanguage runs relais against a real SMTP server on
// loopback: an invitation asked in English is written in English and the
// member it creates gets her approval requests in English (routing reason
// included); an invitation in French stays French.
func TestMailInRecipientLanguage(t *testing.T) {
	mb := newLoopMailbox(t)
	m := NewMain(io.Discard, io.Discard)
	m.env.DataDir, m.BaseURL = t.TempDir(), "http://relais.test"
	m.cfg.SMTP.Host, m.cfg.SMTP.Port, m.cfg.SMTP.TLS, m.cfg.SMTP.From = "127.0.0.1", mb.port, "none", "relais@example.org"
	m.Addr, m.PollEvery, m.Rescue = "127.0.0.1:0", testPoll, 5*time.Second
	require.NoError(t, m.Run(context.Background()))
	t.Cleanup(func() { require.NoError(t, m.Close()) })
	tm := &testMain{Main: m, t: t, URL: "http://" + m.ListenAddr()}
	admin := tm.member("admin@example.org", "admin")
	cm := tm.member("cm@example.org", "community_manager")
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "anne", "--owner", "candidate")

	invite := func(email, lang string) string {
		require.Equal(t, http.StatusCreated, tm.call(admin, "POST", "/api/invitations",
			map[string]string{"email": email, "name": "Lee Morgan", "role": "candidate", "lang": lang}, nil))
		return mb.wait(t, email)
	}
	en := invite("lee@example.org", "en")
	require.Contains(t, en, "Subject: Your relais invitation")
	require.Contains(t, en, "Hello Lee Morgan,")
	require.Contains(t, en, "(role: candidate)")
	require.NotContains(t, en, "Bonjour")
	fr := invite("lea@example.org", "fr")
	require.Contains(t, fr, "Bonjour Lee Morgan,")
	require.Contains(t, fr, "(rôle : candidate)")
	require.NotContains(t, fr, "Hello")

	link := regexp.MustCompile(`http://relais\.test(/invite/\S+)`).FindStringSubmatch(en)
	require.NotNil(t, link, en)
	resp, err := http.PostForm(tm.URL+link[1], url.Values{"password": {"long-enough-pw"}, "confirm": {"long-enough-pw"}})
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)

	var p postJSON
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", `{"text":"Bonjour","targets":["@anne"],"sensitive":true}`, &p))
	require.Equal(t, http.StatusOK, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	got := mb.wait(t, "lee@example.org")
	require.Contains(t, got, "Subject: To approve: a post awaits your decision")
	require.Contains(t, got, "sensitive: marked sensitive by the author")
	require.Contains(t, got, fmt.Sprintf("http://relais.test/posts/%d", p.ID))
	require.NotContains(t, got, "sensible")
}

// loopMailbox is a real SMTP server on loopback that keeps each message
// (headers and body) by recipient, in arrival order.
type loopMailbox struct {
	port int
	mu   sync.Mutex
	msgs map[string][]string
	read map[string]int
}

func newLoopMailbox(t *testing.T) *loopMailbox {
	mb := &loopMailbox{msgs: map[string][]string{}, read: map[string]int{}}
	srv := smtp.NewServer(mb)
	srv.Domain, srv.AllowInsecureAuth = "127.0.0.1", true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	mb.port = ln.Addr().(*net.TCPAddr).Port
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return mb
}

// wait returns the next message to rcpt not returned yet (5 s at most),
// its quoted-printable soft breaks undone.
func (mb *loopMailbox) wait(t *testing.T, rcpt string) string {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		mb.mu.Lock()
		if n := mb.read[rcpt]; n < len(mb.msgs[rcpt]) {
			mb.read[rcpt]++
			m := mb.msgs[rcpt][n]
			mb.mu.Unlock()
			return m
		}
		mb.mu.Unlock()
	}
	t.Fatalf("no mail to %s", rcpt)
	return ""
}

// NewSession implements smtp.Backend.
func (mb *loopMailbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &loopSession{mb: mb}, nil }

type loopSession struct {
	mb *loopMailbox
	to []string
}

func (s *loopSession) Reset()                                    { s.to = nil }
func (s *loopSession) Logout() error                             { return nil }
func (s *loopSession) Mail(string, *smtp.MailOptions) error      { return nil }
func (s *loopSession) Rcpt(to string, _ *smtp.RcptOptions) error { s.to = append(s.to, to); return nil }

func (s *loopSession) Data(r io.Reader) error {
	tp := textproto.NewReader(bufio.NewReader(r))
	h, err := tp.ReadMIMEHeader()
	if err != nil {
		return err
	}
	body, err := io.ReadAll(tp.R)
	if err != nil {
		return err
	}
	text := decodeMail(h, string(body))
	s.mb.mu.Lock()
	defer s.mb.mu.Unlock()
	for _, to := range s.to {
		s.mb.msgs[to] = append(s.mb.msgs[to], text)
	}
	return nil
}

// decodeMail returns a message as a reader sees it: "Subject: …", a blank
// line and the body, encoded words and quoted-printable undone.
func decodeMail(h textproto.MIMEHeader, body string) string {
	subject, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	if err != nil {
		subject = h.Get("Subject")
	}
	if strings.EqualFold(h.Get("Content-Transfer-Encoding"), "quoted-printable") {
		if b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(body))); err == nil {
			body = string(b)
		}
	}
	return "Subject: " + subject + "\n\n" + strings.ReplaceAll(body, "\r\n", "\n")
}
