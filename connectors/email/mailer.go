// Package email sends mail over SMTP with github.com/wneessen/go-mail:
// a Mailer for share kits, digests and approval alerts, and a Connector for
// the email platform, whose accounts are mailing addresses.
//
// SMTP has no idempotency key: the Connector derives the Message-ID from
// the delivery key so that recipients' clients can spot a duplicate, and a
// failure after the message was handed over (the server's answer to the
// final "." was lost) is connectors.OutcomeUnknown.
package email

import (
	"context"
	"fmt"
	"time"

	"github.com/relais/relais/connectors"
	"github.com/wneessen/go-mail"
)

// TLS modes of Config.TLS.
const (
	TLSStartTLS      = "starttls"      // STARTTLS required (default)
	TLSOpportunistic = "opportunistic" // STARTTLS when offered
	TLSImplicit      = "ssl"           // TLS from the first byte (port 465)
	TLSNone          = "none"          // plain text: local mail catchers only
)

// Config is how to reach the SMTP server.
type Config struct {
	Host     string
	Port     int // 587 by default, 465 with TLSImplicit
	Username string
	Password string // never logged
	From     string // "Avec Anne <equipe@avec-anne.fr>"
	TLS      string
	Timeout  time.Duration // per connection; 15 s by default
}

// Message is one e-mail. HTML is optional; Text is always sent.
type Message struct {
	To        []string
	Subject   string
	Text      string
	HTML      string
	MessageID string // optional, without angle brackets
}

// Mailer sends messages with one SMTP connection per Send.
type Mailer struct {
	cfg Config
	now func() time.Time
}

// NewMailer returns a mailer for cfg.
func NewMailer(cfg Config) *Mailer {
	if cfg.Timeout == 0 {
		cfg.Timeout = 15 * time.Second
	}
	return &Mailer{cfg: cfg, now: time.Now}
}

// Send delivers msg. Its errors are *connectors.Error (see classify).
func (m *Mailer) Send(ctx context.Context, msg Message) error {
	if m.cfg.Host == "" {
		return &connectors.Error{Platform: "email", Class: connectors.Permanent,
			Err: fmt.Errorf("email: unable to send message: no SMTP host configured")}
	}
	mm, err := m.build(msg)
	if err != nil {
		return err
	}
	c, err := mail.NewClient(m.cfg.Host, m.options()...)
	if err != nil {
		return fmt.Errorf("email: unable to configure SMTP client: %w", err)
	}
	if err := c.DialAndSendWithContext(ctx, mm); err != nil {
		return classify(err)
	}
	return nil
}

// build turns msg into a go-mail message.
func (m *Mailer) build(msg Message) (*mail.Msg, error) {
	mm := mail.NewMsg()
	if err := mm.From(m.cfg.From); err != nil {
		return nil, fmt.Errorf("email: unable to set sender %q: %w", m.cfg.From, err)
	}
	if err := mm.To(msg.To...); err != nil {
		return nil, invalidRecipient(err)
	}
	mm.Subject(msg.Subject)
	mm.SetDateWithValue(m.now())
	mm.SetUserAgent("relais")
	if msg.MessageID != "" {
		mm.SetMessageIDWithValue(msg.MessageID)
	}
	mm.SetBodyString(mail.TypeTextPlain, msg.Text)
	if msg.HTML != "" {
		mm.AddAlternativeString(mail.TypeTextHTML, msg.HTML)
	}
	return mm, nil
}
