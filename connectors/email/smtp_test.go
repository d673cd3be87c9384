package email

import (
	"bufio"
	"encoding/base64"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// smtpServer is a tiny SMTP server on 127.0.0.1 for tests: it speaks just
// enough of RFC 5321 (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP,
// QUIT) and records each message. dataReply is its answer to the final
// "." ("" for 250, "hang" to never answer).
type smtpServer struct {
	ln        net.Listener
	user, pw  string
	dataReply string
	rcptReply string
	mu        sync.Mutex
	msgs      []received
	cmds      []string
	hang      chan struct{}
}

type received struct {
	from string
	to   []string
	data string
}

func mustSMTP(t *testing.T) *smtpServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{ln: ln, hang: make(chan struct{})}
	go s.serve()
	t.Cleanup(func() { close(s.hang); ln.Close() })
	return s
}

func (s *smtpServer) port() int { return s.ln.Addr().(*net.TCPAddr).Port }

func (s *smtpServer) serve() {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.session(conn)
	}
}

func (s *smtpServer) session(conn net.Conn) {
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	r, w := bufio.NewReader(conn), bufio.NewWriter(conn)
	say := func(line string) { w.WriteString(line + "\r\n"); w.Flush() }
	say("220 127.0.0.1 ESMTP relais-test")
	var cur received
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		s.log(line)
		verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0])
		switch verb {
		case "EHLO", "HELO":
			say("250-127.0.0.1 greets you")
			say("250-8BITMIME")
			say("250 AUTH PLAIN")
		case "AUTH":
			say(s.auth(line))
		case "MAIL":
			cur = received{from: line}
			say("250 2.1.0 Ok")
		case "RCPT":
			if s.rcptReply != "" {
				say(s.rcptReply)
				continue
			}
			cur.to = append(cur.to, line)
			say("250 2.1.5 Ok")
		case "DATA":
			say("354 End data with <CR><LF>.<CR><LF>")
			cur.data = readData(r)
			if s.dataReply == "hang" {
				<-s.hang
				return
			}
			s.mu.Lock()
			if s.dataReply == "" {
				s.msgs = append(s.msgs, cur)
			}
			s.mu.Unlock()
			say(orDefault(s.dataReply, "250 2.0.0 Ok: queued as 12345"))
		case "RSET", "NOOP":
			say("250 2.0.0 Ok")
		case "QUIT":
			say("221 2.0.0 Bye")
			return
		default:
			say("502 5.5.2 Error: command not recognized")
		}
	}
}

func (s *smtpServer) auth(line string) string {
	parts := strings.Fields(line)
	if len(parts) != 3 || parts[1] != "PLAIN" {
		return "504 5.5.4 Unrecognized authentication type"
	}
	b, _ := base64.StdEncoding.DecodeString(parts[2])
	if string(b) != "\x00"+s.user+"\x00"+s.pw {
		return "535 5.7.8 Error: authentication failed"
	}
	return "235 2.7.0 Authentication successful"
}

func readData(r *bufio.Reader) string {
	var sb strings.Builder
	for {
		line, err := r.ReadString('\n')
		if err != nil || line == ".\r\n" {
			return sb.String()
		}
		sb.WriteString(strings.TrimPrefix(line, "."))
	}
}

func (s *smtpServer) log(line string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cmds = append(s.cmds, line)
}

func (s *smtpServer) commands() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.cmds...)
}

func (s *smtpServer) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.msgs...)
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
