package email

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// maxSubject is the longest subject taken from a post's first line.
const maxSubject = 78

// Connector publishes posts to the email platform: the account's handle is
// a mailing address (a list of supporters, a district's list...). It does
// not send media.
type Connector struct {
	m *Mailer
}

// New returns a connector that sends with m.
func New(m *Mailer) *Connector { return &Connector{m: m} }

// Platform implements connectors.Connector.
func (c *Connector) Platform() relais.Platform { return relais.PlatformEmail }

// Validate implements connectors.Connector.
func (c *Connector) Validate(d connectors.Draft) []connectors.Problem {
	return connectors.TextOnly(d, connectors.Blank(d), "e-mail posts carry text only; link to the media instead")
}

// Publish implements connectors.Connector: one message to the account's
// address, its subject the post's first line, its Message-ID derived from
// key (the receipt's RemoteID).
func (c *Connector) Publish(ctx context.Context, a relais.Account, d connectors.Draft, key string) (connectors.Receipt, error) {
	if probs := c.Validate(d); len(probs) > 0 {
		return connectors.Receipt{}, &connectors.Error{Platform: "email", Class: connectors.Permanent,
			Message: probs[0].Message, Err: fmt.Errorf("email: draft is not valid: %w", probs[0])}
	}
	if _, err := mail.ParseAddress(a.Handle); err != nil {
		return connectors.Receipt{}, invalidRecipient(err)
	}
	id := MessageID(key)
	err := c.m.Send(ctx, Message{To: []string{a.Handle}, Subject: subject(d.Text), Text: d.Text, MessageID: id})
	if err != nil {
		return connectors.Receipt{}, err
	}
	return connectors.Receipt{RemoteID: "<" + id + ">"}, nil
}

// Lookup implements connectors.Connector: a sent message cannot be looked
// up, so found is always false.
func (c *Connector) Lookup(ctx context.Context, a relais.Account, key string) (connectors.Receipt, bool, error) {
	return connectors.Receipt{}, false, nil
}

// MessageID returns the Message-ID (without angle brackets) of the
// message published with key.
func MessageID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:12]) + "@relais"
}

// subject is the first line of text, shortened to maxSubject characters.
func subject(text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	line = strings.TrimSpace(line)
	if utf8.RuneCountInString(line) <= maxSubject {
		return line
	}
	r := []rune(line)
	return strings.TrimSpace(string(r[:maxSubject-1])) + "…"
}
