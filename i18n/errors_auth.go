package i18n

// The errors of signing in and accepting an invitation: one language per
// reader, never both at once.
func init() {
	add(map[string][2]string{
		"error.bad_login":        {"E-mail ou mot de passe incorrect.", "Wrong e-mail or password."},
		"error.too_many_logins":  {"Trop de tentatives : réessayez dans 15 minutes.", "Too many attempts: try again in 15 minutes."},
		"error.busy_logins":      {"Trop de connexions en cours : réessayez dans quelques secondes.", "Too many sign-ins at once: try again in a few seconds."},
		"error.email_long":       {"Adresse e-mail : {max} octets au plus.", "E-mail address: at most {max} bytes."},
		"error.passwords_differ": {"Confirmation : les mots de passe diffèrent.", "Confirmation: the passwords differ."},
		"error.invitation_gone":  {"Invitation inconnue, expirée ou déjà utilisée.", "Unknown, expired or already used invitation."},
		"error.member_disabled":  {"Compte désactivé.", "Account disabled."},
		"error.too_many_tabs":    {"Trop d'onglets ouverts ({max} au plus).", "Too many open tabs (at most {max})."},
	})
}
