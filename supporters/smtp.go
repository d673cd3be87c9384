package supporters

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"strconv"
	"sync"
	"time"

	"github.com/wneessen/go-mail/smtp"

	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/email"
)

// conn is one SMTP session reused for many messages (RSET between them).
type conn struct {
	c       *smtp.Client
	timeout time.Duration
}

// dial opens a session as cfg says (TLS mode, authentication).
func dial(ctx context.Context, cfg email.Config) (*conn, error) {
	timeout := cfg.Timeout
	if timeout == 0 {
		timeout = 15 * time.Second
	}
	nc, err := dialNet(ctx, cfg, timeout)
	if err != nil {
		return nil, retryable(err)
	}
	c, err := smtp.NewClient(nc, cfg.Host)
	if err != nil {
		nc.Close()
		return nil, retryable(err)
	}
	k := &conn{c: c, timeout: timeout}
	if err := k.hello(cfg); err != nil {
		c.Close()
		return nil, err
	}
	return k, nil
}

// dialNet opens the TCP (or implicit TLS) connection to the server.
func dialNet(ctx context.Context, cfg email.Config, timeout time.Duration) (net.Conn, error) {
	port := cfg.Port
	if port == 0 {
		port = 587
		if cfg.TLS == email.TLSImplicit {
			port = 465
		}
	}
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(port))
	d := &net.Dialer{Timeout: timeout}
	if cfg.TLS == email.TLSImplicit {
		return (&tls.Dialer{NetDialer: d, Config: &tls.Config{ServerName: cfg.Host}}).DialContext(ctx, "tcp", addr)
	}
	return d.DialContext(ctx, "tcp", addr)
}

// hello says EHLO, starts TLS as configured and authenticates.
func (k *conn) hello(cfg email.Config) error {
	_ = k.c.UpdateDeadline(k.timeout)
	if err := k.c.Hello("relais"); err != nil {
		return retryable(err)
	}
	tlsOn := cfg.TLS == email.TLSImplicit
	if ok, _ := k.c.Extension("STARTTLS"); ok && (cfg.TLS == "" || cfg.TLS == email.TLSStartTLS || cfg.TLS == email.TLSOpportunistic) {
		if err := k.c.StartTLS(&tls.Config{ServerName: cfg.Host}); err != nil {
			return retryable(err)
		}
		tlsOn = true
	} else if cfg.TLS == "" || cfg.TLS == email.TLSStartTLS {
		return &connectors.Error{Platform: "email", Class: connectors.Permanent, Err: errors.New("email: the server does not offer STARTTLS")}
	}
	if cfg.Username == "" {
		return nil
	}
	if err := k.c.Auth(smtp.PlainAuth("", cfg.Username, cfg.Password, cfg.Host, !tlsOn)); err != nil {
		return classify(err)
	}
	return nil
}

// outcome of one message.
type outcome int

const (
	delivered     outcome = iota // 250 after the final "."
	badRecipient                 // permanent refusal at RCPT
	refused                      // permanent refusal of the message
	notHanded                    // the claim was lost: nothing sent
	unknownResult                // the final "." went out, no answer
)

// send sends one message. hand is called after the message body and
// before its final "."; if it returns false the session is dropped
// (the server discards an unfinished message) and nothing is sent.
func (k *conn) send(from, to string, body io.WriterTo, hand func() (bool, error)) (outcome, error) {
	_ = k.c.UpdateDeadline(k.timeout)
	if err := k.c.Mail(from); err != nil {
		return refused, classify(err)
	}
	if err := k.c.Rcpt(to); err != nil {
		_ = k.c.Reset()
		if e := classify(err); connectors.ClassOf(e) == connectors.Permanent {
			return badRecipient, e
		}
		return refused, classify(err)
	}
	w, err := k.c.Data()
	if err != nil {
		return refused, classify(err)
	}
	if _, err := body.WriteTo(w); err != nil {
		return notHanded, retryable(err)
	}
	if ok, err := hand(); err != nil || !ok {
		k.c.Close()
		return notHanded, err
	}
	if err := w.Close(); err != nil {
		if code := replyCode(err); code >= 400 {
			return refused, classify(err)
		}
		return unknownResult, err
	}
	return delivered, nil
}

func (k *conn) close() {
	_ = k.c.Quit()
	_ = k.c.Close()
}

func replyCode(err error) int {
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code
	}
	return 0
}

// classify maps an SMTP reply: 5xx permanent, anything else retryable.
func classify(err error) error {
	e := &connectors.Error{Platform: "email", Class: connectors.Retryable, Err: fmt.Errorf("email: %w", err)}
	if code := replyCode(err); code >= 500 {
		e.Class, e.Status = connectors.Permanent, code
	} else {
		e.Status = code
	}
	return e
}

func retryable(err error) error {
	return &connectors.Error{Platform: "email", Class: connectors.Retryable, Err: fmt.Errorf("email: %w", err)}
}

// Limiter spaces messages to at most a rate per minute, across all the
// senders of the process (RELAIS_SMTP_RATE).
type Limiter struct {
	mu   sync.Mutex
	gap  time.Duration
	next time.Time
}

// NewLimiter allows perMinute messages a minute; 0 means no limit.
func NewLimiter(perMinute int) *Limiter {
	l := &Limiter{}
	if perMinute > 0 {
		l.gap = time.Minute / time.Duration(perMinute)
	}
	return l
}

// Wait blocks until the next message may go.
func (l *Limiter) Wait(ctx context.Context) error {
	if l == nil || l.gap == 0 {
		return ctx.Err()
	}
	l.mu.Lock()
	now := time.Now()
	at := l.next
	if at.Before(now) {
		at = now
	}
	l.next = at.Add(l.gap)
	l.mu.Unlock()
	t := time.NewTimer(time.Until(at))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
