package supporters

import (
	"bufio"
	"io"
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"
)

// mailbox is a real SMTP server on loopback (github.com/emersion/go-smtp)
// that keeps every message it accepted. A message counts only once its
// final "." arrived: go-smtp's Data reader fails on a connection closed
// mid-message, and such a message is discarded, as any SMTP server does.
// Hooks run before answering MAIL, RCPT or the final "." (accepted is the
// number of messages kept so far).
type mailbox struct {
	srv      *smtp.Server
	addr     *net.TCPAddr
	mu       sync.Mutex
	msgs     []received
	refuse   map[string]string // address -> permanent refusal at RCPT
	onMail   func(accepted int)
	onRcpt   func(accepted int)
	onDataed func(accepted int) // after the message is kept, before the 250
}

type received struct {
	from, to string
	header   textproto.MIMEHeader
	body     string
}

func newMailbox(t testing.TB) *mailbox {
	mb := &mailbox{refuse: map[string]string{}}
	mb.srv = smtp.NewServer(mb)
	mb.srv.Domain = "127.0.0.1"
	mb.srv.AllowInsecureAuth = true
	mb.srv.MaxMessageBytes = 1 << 20
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	mb.addr = ln.Addr().(*net.TCPAddr)
	go mb.srv.Serve(ln)
	t.Cleanup(func() { mb.srv.Close() })
	return mb
}

// NewSession implements smtp.Backend.
func (mb *mailbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &mbSession{mb: mb}, nil }

// setHooks installs the hooks under the lock the sessions read them with,
// so that a hook set after the server started is seen by its connections.
func (mb *mailbox) setHooks(onMail, onRcpt, onDataed func(int)) {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	mb.onMail, mb.onRcpt, mb.onDataed = onMail, onRcpt, onDataed
}

// hooks returns the hooks and the refusals, read under the lock.
func (mb *mailbox) hooks() (onMail, onRcpt, onDataed func(int), refuse map[string]string) {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	return mb.onMail, mb.onRcpt, mb.onDataed, mb.refuse
}

func (mb *mailbox) accepted() int {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	return len(mb.msgs)
}

func (mb *mailbox) messages() []received {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	return append([]received(nil), mb.msgs...)
}

type mbSession struct {
	mb       *mailbox
	from, to string
}

func (s *mbSession) Reset()        { s.from, s.to = "", "" }
func (s *mbSession) Logout() error { return nil }

func (s *mbSession) Mail(from string, _ *smtp.MailOptions) error {
	if f, _, _, _ := s.mb.hooks(); f != nil {
		f(s.mb.accepted())
	}
	s.from = from
	return nil
}

func (s *mbSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	_, f, _, refuse := s.mb.hooks()
	if f != nil {
		f(s.mb.accepted())
	}
	if msg, ok := refuse[to]; ok {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: msg}
	}
	s.to = to
	return nil
}

func (s *mbSession) Data(r io.Reader) error {
	tp := textproto.NewReader(bufio.NewReader(r))
	h, err := tp.ReadMIMEHeader()
	if err != nil {
		return err
	}
	body, err := io.ReadAll(tp.R)
	if err != nil {
		return err // the client went away before the final ".": discarded
	}
	s.mb.mu.Lock()
	s.mb.msgs = append(s.mb.msgs, received{from: s.from, to: s.to, header: h, body: strings.ReplaceAll(string(body), "\r\n", "\n")})
	n := len(s.mb.msgs)
	s.mb.mu.Unlock()
	if _, _, f, _ := s.mb.hooks(); f != nil {
		f(n)
	}
	return nil
}
