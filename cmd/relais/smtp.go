package main

import (
	"os"
	"strconv"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/email"
)

// smtpEnv reads RELAIS_SMTP_* (once, at start).
func smtpEnv() map[string]string {
	return map[string]string{
		"host": os.Getenv("RELAIS_SMTP_HOST"), "port": os.Getenv("RELAIS_SMTP_PORT"),
		"username": os.Getenv("RELAIS_SMTP_USERNAME"), "password": os.Getenv("RELAIS_SMTP_PASSWORD"),
		"from": os.Getenv("RELAIS_SMTP_FROM"), "tls": os.Getenv("RELAIS_SMTP_TLS"),
	}
}

// parseSMTP turns RELAIS_SMTP_* into a mail configuration. A port that is
// not a number from 1 to 65535 is an error (empty: the mailer's default).
func parseSMTP(env map[string]string) (email.Config, error) {
	cfg := email.Config{Host: env["host"], Username: env["username"], Password: env["password"],
		From: env["from"], TLS: env["tls"]}
	if p := strings.TrimSpace(env["port"]); p != "" {
		port, err := strconv.Atoi(p)
		if err != nil || port < 1 || port > 65535 {
			return cfg, relais.FieldErrorf("RELAIS_SMTP_PORT", "RELAIS_SMTP_PORT must be a port number from 1 to 65535 (got %q).", p)
		}
		cfg.Port = port
	}
	return cfg, nil
}

// openMailer parses the mail settings and builds the process's one mailer.
func (m *Main) openMailer() (err error) {
	if m.smtp, err = parseSMTP(smtpEnv()); err != nil {
		return err
	}
	m.mailer = email.NewMailer(m.smtp)
	return nil
}
