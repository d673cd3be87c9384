package i18n

// The errors the services return on the settings forms (members,
// accounts, slots, election rounds, second approver): each names its
// field and says why, in each language. A {role} parameter is a role's
// code and a {day} a YYYY-MM-DD date: the dashboard names them for the
// reader.
func init() {
	add(map[string][2]string{
		"error.email_invalid":     {"Adresse e-mail : « {value} » n'est pas une adresse (il manque @).", "E-mail address: \u201c{value}\u201d is not an address (no @)."},
		"error.email_domain":      {"Adresse e-mail : « {value} » n'a pas de domaine complet (par ex. exemple.fr).", "E-mail address: \u201c{value}\u201d has no full domain (e.g. example.org)."},
		"error.email_taken":       {"Adresse e-mail : {value} est déjà celle d'un membre.", "E-mail address: {value} already belongs to a member."},
		"error.name_required":     {"Nom : obligatoire, indiquez le nom de la personne.", "Name: required, give the person's name."},
		"error.role_unknown":      {"Rôle : « {value} » n'est pas un rôle, choisissez-en un dans la liste.", "Role: \u201c{value}\u201d is not a role, choose one from the list."},
		"error.password_short":    {"Mot de passe : {min} caractères au moins.", "Password: at least {min} characters."},
		"error.last_admin":        {"C'est le dernier compte admin actif : nommez d'abord un autre admin.", "This is the last active admin: make someone else admin first."},
		"error.admin_members":     {"Seul·e un·e admin gère les membres.", "Only an admin manages members."},
		"error.admin_steps":       {"Seul·e un·e admin règle la seconde validation.", "Only an admin sets the second approval."},
		"error.slots_no_day":      {"Jours : cochez au moins un jour.", "Days: tick at least one day."},
		"error.slots_no_time":     {"Heures : indiquez au moins une heure (HH:MM, par ex. 08:30).", "Times: give at least one time (HH:MM, e.g. 08:30)."},
		"error.slots_too_many":    {"Heures : 7 jours et 24 heures par jour au plus.", "Times: at most 7 days and 24 times a day."},
		"error.slot_time":         {"Heures : « {value} » n'est pas une heure (HH:MM, par ex. 08:30).", "Times: \u201c{value}\u201d is not a time (HH:MM, e.g. 08:30)."},
		"error.slot_weekday":      {"Jours : cochez des jours de la liste.", "Days: tick days from the list."},
		"error.slot_tz":           {"Fuseau horaire inconnu : « {value} ».", "Unknown time zone: \u201c{value}\u201d."},
		"error.profile_unknown":   {"Profil de ton : « {value} » n'existe pas (profils : {choices}).", "Tone profile: \u201c{value}\u201d does not exist (profiles: {choices})."},
		"error.credentials_empty": {"Nouveaux identifiants : chaque clé et chaque valeur doivent être remplies.", "New credentials: every key and every value must be filled in."},
		"error.url_refused":       {"Adresse « {value} » refusée : une adresse publique commençant par https:// est attendue.", "Address \u201c{value}\u201d refused: a public address starting with https:// is expected."},
		"error.member_unknown":    {"Seconde validation : le membre n° {id} n'existe pas.", "Second approval: member #{id} does not exist."},
		"error.member_choose":     {"Seconde validation : choisissez un membre dans la liste.", "Second approval: choose a member from the list."},
		"error.approver_role":     {"Seconde validation : le rôle de {name} ({role}) ne permet pas de valider.", "Second approval: {name}'s role ({role}) may not approve posts."},
		"error.round_day":         {"Jour du vote : « {value} » n'est pas une date (jj/mm/aaaa).", "Voting day: \u201c{value}\u201d is not a date (yyyy-mm-dd)."},
		"error.round_close":       {"Fermeture des bureaux de vote : « {value} » n'est pas une heure (HH:MM).", "Polls close: \u201c{value}\u201d is not a time (HH:MM)."},
		"error.round_exists":      {"Jour du vote : un tour est déjà déclaré le {day}.", "Voting day: a round is already declared on {day}."},
		"error.round_over":        {"Jour du vote : le tour du {day} est passé.", "Voting day: the round of {day} is over."},
		"error.round_window":      {"Fermeture des bureaux de vote : la réserve finirait avant de commencer.", "Polls close: the blackout would end before it starts."},
		"error.round_name_long":   {"Nom : 200 octets au plus.", "Name: at most 200 bytes."},
		"error.no_slots":          {"Les comptes visés n'ont aucun créneau : ajoutez-en dans Réglages › Créneaux de file.", "The target accounts have no queue slots: add some in Settings › Queue slots."},
		"error.no_free_slot":      {"Aucun créneau libre dans les huit semaines après le {at}.", "No free queue slot in the eight weeks after {at}."},
		"error.tone_list":         {"Liste inconnue « {value} ».", "Unknown list \u201c{value}\u201d."},
	})
}
