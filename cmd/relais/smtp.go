package main

import (
	"github.com/relais/relais/connectors/email"
)

// openMailer builds the process's one mailer from RELAIS_SMTP_* (read and
// checked once, at start, by package config).
func (m *Main) openMailer() error {
	c := m.cfg.SMTP
	m.smtp = email.Config{Host: c.Host, Port: c.Port, Username: c.Username, Password: c.Password, From: c.From, TLS: c.TLS}
	m.mailer = email.NewMailer(m.smtp)
	return nil
}
