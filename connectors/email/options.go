package email

import "github.com/wneessen/go-mail"

// options maps the Config to go-mail options.
func (m *Mailer) options() []mail.Option {
	cfg := m.cfg
	opts := []mail.Option{mail.WithTimeout(cfg.Timeout)}
	port := cfg.Port
	switch cfg.TLS {
	case TLSImplicit:
		opts = append(opts, mail.WithSSL())
		if port == 0 {
			port = 465
		}
	case TLSNone:
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
	case TLSOpportunistic:
		opts = append(opts, mail.WithTLSPolicy(mail.TLSOpportunistic))
	default:
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	}
	if port == 0 {
		port = 587
	}
	opts = append(opts, mail.WithPort(port))
	return append(opts, m.auth()...)
}

// auth picks PLAIN, which go-mail only sends over TLS, or, in TLSNone mode
// (a local mail catcher), PLAIN without encryption.
func (m *Mailer) auth() []mail.Option {
	if m.cfg.Username == "" {
		return []mail.Option{mail.WithSMTPAuth(mail.SMTPAuthNoAuth)}
	}
	typ := mail.SMTPAuthPlain
	if m.cfg.TLS == TLSNone {
		typ = mail.SMTPAuthPlainNoEnc
	}
	return []mail.Option{mail.WithSMTPAuth(typ), mail.WithUsername(m.cfg.Username), mail.WithPassword(m.cfg.Password)}
}
