package i18n

// The errors of a recurring post's schedule (relais.Recurrence): the
// cron expression named and why it is refused, in each language.
func init() {
	add(map[string][2]string{
		"error.recur_tz":         {"Fuseau horaire inconnu « {value} » (un nom IANA comme Europe/Paris est attendu).", "Unknown time zone \u201c{value}\u201d (an IANA name such as Europe/Paris is expected)."},
		"error.recur_required":   {"Expression cron : obligatoire, par ex. « 30 8 * * 1-5 » (8 h 30 du lundi au vendredi).", "Cron expression: required, e.g. \u201c30 8 * * 1-5\u201d (8:30 Monday to Friday)."},
		"error.recur_tz_in_spec": {"Expression cron : sans fuseau horaire (le fuseau de la campagne s'applique).", "Cron expression: without a time zone (the campaign's applies)."},
		"error.recur_every":      {"Expression cron : @every n'est pas accepté, donnez des heures, par ex. « 0 9 * * * ».", "Cron expression: @every is not supported, give times of day, e.g. \u201c0 9 * * *\u201d."},
		"error.recur_invalid":    {"Expression cron : « {value} » n'est pas une expression valide (minute heure jour mois jour-de-semaine).", "Cron expression: \u201c{value}\u201d is not valid (minute hour day month weekday)."},
		"error.recur_post":       {"Une publication modèle est obligatoire.", "A template post is required."},
		"error.recur_never":      {"Expression cron : « {value} » ne se déclenche jamais.", "Cron expression: \u201c{value}\u201d never fires."},
		"error.recur_often":      {"Expression cron : « {value} » se répète plus d'une fois par heure (le {at}) ; une heure au moins entre deux envois.", "Cron expression: \u201c{value}\u201d repeats more than once an hour (at {at}); at least an hour between two posts."},
	})
}
