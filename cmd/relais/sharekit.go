package main

import (
	"os"
	"strconv"

	"github.com/relais/relais/connectors/email"
	"github.com/relais/relais/scheduler"
)

// shareKitMailer returns the mailer for supporters' share kits, through
// RELAIS_SMTP_*, or nil when RELAIS_SMTP_HOST is unset (the scheduler then
// logs share kits instead of sending them).
func (m *Main) shareKitMailer() scheduler.Mailer {
	if os.Getenv("RELAIS_SMTP_HOST") == "" {
		return nil
	}
	port, _ := strconv.Atoi(os.Getenv("RELAIS_SMTP_PORT"))
	return email.NewMailer(email.Config{Host: os.Getenv("RELAIS_SMTP_HOST"), Port: port, Username: os.Getenv("RELAIS_SMTP_USERNAME"),
		Password: os.Getenv("RELAIS_SMTP_PASSWORD"), From: os.Getenv("RELAIS_SMTP_FROM"), TLS: os.Getenv("RELAIS_SMTP_TLS")})
}
