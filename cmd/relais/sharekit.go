package main

import (
	"github.com/relais/relais/scheduler"
)

// shareKitMailer returns the process's mailer for supporters' share kits,
// or nil when RELAIS_SMTP_HOST is unset (the scheduler then logs share
// kits instead of sending them).
func (m *Main) shareKitMailer() scheduler.Mailer {
	if m.smtp.Host == "" {
		return nil
	}
	return m.mailer
}
