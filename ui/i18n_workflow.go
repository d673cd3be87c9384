package ui

import (
	"net/http"
	"strings"
	"time"

	"github.com/relais/relais"
)

// The workflow's strings (issue 14): editing, deleting, duplicating, the
// review diff, the calendar's undated drafts, and the catalogue of errors
// that carry a key (relais.Error.Key) with {parameters}.
func init() {
	for k, v := range map[string][2]string{
		"edit.title":             {"Modifier la publication", "Edit the post"},
		"edit.save":              {"Enregistrer et renvoyer en validation", "Save and send for review"},
		"edit.save_draft":        {"Enregistrer et envoyer en validation", "Save and submit for review"},
		"edit.review_again":      {"Cette publication est déjà en validation ou approuvée : la modifier la renvoie en validation selon les règles en vigueur.", "This post is already in review or approved: editing it sends it back to review under the current rules."},
		"post.edit":              {"Modifier", "Edit"},
		"post.delete":            {"Supprimer", "Delete"},
		"post.delete_confirm":    {"Supprimer ce brouillon ? Il disparaît des listes et du calendrier, mais reste consigné dans l'historique.", "Delete this draft? It leaves the lists and the calendar, but stays recorded in the history."},
		"post.duplicate":         {"Dupliquer", "Duplicate"},
		"post.diff":              {"Modifié depuis votre dernière lecture", "Changed since you last read it"},
		"post.diff_removed":      {"retiré", "removed"},
		"post.diff_added":        {"ajouté", "added"},
		"post.changes_asked":     {"Modifications demandées par %s", "Changes requested by %s"},
		"post.changes_fix":       {"Modifiez la publication puis renvoyez-la en validation.", "Edit the post, then send it back for review."},
		"inbox.why_later":        {"Publication possible à partir du %s : les partages sont étalés pour ne pas partir tous en même temps.", "You may publish from %s: shares are staggered so that they do not all go out at once."},
		"inbox.why_blackout":     {"Publication impossible pendant la réserve électorale.", "Publishing is not possible during the electoral blackout."},
		"state.deleted":          {"supprimé", "deleted"},
		"audit.post.delete":      {"suppression", "deleted"},
		"audit.post.duplicate":   {"duplication", "duplicated"},
		"audit.post.queue":       {"mise en file", "queued"},
		"flash.edited":           {"Publication modifiée et envoyée en validation.", "Post edited and sent for review."},
		"flash.deleted":          {"Publication supprimée.", "Post deleted."},
		"flash.duplicated":       {"Copie créée : modifiez-la puis envoyez-la.", "Copy made: edit it, then submit it."},
		"queue.mine":             {"Vos publications à reprendre", "Your posts to rework"},
		"calendar.undated":       {"Brouillons sans date", "Undated drafts"},
		"calendar.no_undated":    {"Aucun brouillon sans date.", "No undated drafts."},
		"calendar.go":            {"Aller à la date", "Go to date"},
		"calendar.date":          {"Date", "Date"},
		"compose.blackout":       {"Cette date tombe pendant la réserve électorale : rien ne peut partir avant le %s.", "This date falls in the electoral blackout: nothing may go out before %s."},
		"field.text":             {"Texte", "Text"},
		"field.lang":             {"Langue", "Language"},
		"compose.lang":           {"Langue de la publication", "Language of the post"},
		"compose.lang_auto":      {"Détectée d'après le texte", "Detected from the text"},
		"compose.lang_help":      {"Indiquée aux réseaux (Mastodon, Bluesky) pour le tri et la traduction.", "Given to the platforms (Mastodon, Bluesky) for filtering and translation."},
		"lang.fr":                {"français", "French"},
		"lang.en":                {"anglais", "English"},
		"error.lang":             {"Langue inconnue « {lang} » : choisissez français ou anglais.", "Unknown language \"{lang}\": choose French or English."},
		"field.targets":          {"Comptes", "Accounts"},
		"field.scheduled_at":     {"Date et heure", "Date and time"},
		"field.comment":          {"Commentaire", "Comment"},
		"field.content_hash":     {"Empreinte", "Content hash"},
		"field.media":            {"Images", "Images"},
		"field.variants":         {"Variantes", "Variants"},
		"error.invalid_field":    {"valeur refusée, vérifiez ce champ.", "value refused, check this field."},
		"error.no_target":        {"Cochez au moins un compte.", "Tick at least one account."},
		"error.bad_date":         {"Date et heure : « {value} » n'est pas une date (jj/mm/aaaa hh:mm).", "Date and time: \"{value}\" is not a date (yyyy-mm-dd hh:mm)."},
		"error.blackout":         {"Réserve électorale (Code électoral, art. L49) : rien ne peut être publié avant le {until}.", "Electoral blackout (French electoral code, art. L49): nothing may be published before {until}."},
		"error.delete_state":     {"Seuls les brouillons, les publications à reprendre et les publications refusées peuvent être supprimés (état : {state}).", "Only drafts, posts sent back for changes and rejected posts may be deleted (state: {state})."},
		"error.edit_forbidden":   {"Vous ne pouvez pas modifier cette publication dans son état actuel.", "You may not edit this post in its current state."},
		"error.internal":         {"Erreur interne.", "Internal error."},
		"error.generic.invalid":  {"Données refusées.", "Invalid input."},
		"error.generic.conflict": {"Action impossible dans l'état actuel.", "Not possible in the current state."},
	} {
		messages[k] = v
	}
}

// localize renders err for a reader of lang: its catalogue message with
// its parameters when it has a key, else its field's name and a generic
// French message for French readers (the service's message is English),
// else the message itself.
func localize(lang string, loc *time.Location, err error) string {
	key, params := relais.ErrorKey(err)
	if _, ok := messages[key]; ok {
		return fill(lang, translate(lang, key), namedParams(lang, errorParams(lang, key, lifecycleParams(lang, key, params))), loc)
	}
	if relais.ErrorCode(err) == relais.EINTERNAL {
		return translate(lang, "error.internal")
	}
	msg := roleNames(lang, relais.ErrorMessage(err))
	f := relais.ErrorField(err)
	if _, ok := messages["field."+f]; ok {
		if lang == "en" {
			return translate(lang, "field."+f) + ": " + msg
		}
		return translate(lang, "field."+f) + " : " + translate(lang, "error.invalid_field")
	}
	return msg
}

// fill replaces {name} with params[name], dates (RFC 3339) formatted for
// lang in loc, the campaign's time zone, a {day} (YYYY-MM-DD) as lang
// writes dates.
func fill(lang, s string, params map[string]string, loc *time.Location) string {
	for k, v := range params {
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			v = fmtTime(t, lang, loc)
		} else if k == "day" {
			v = fmtDate(v, lang, loc)
		}
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// formError is the message of a form error in the page's language.
func formError(p Page, err error) string { return localize(p.Lang, p.Location(), err) }

// requestLang is an API caller's language: ?lang, the cookie, the
// member's setting, then Accept-Language, French by default.
func requestLang(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "fr" || l == "en" {
		return l
	}
	if c, err := r.Cookie("relais_lang"); err == nil && (c.Value == "fr" || c.Value == "en") {
		return c.Value
	}
	if m := relais.MemberFromContext(r.Context()); m != nil && (m.Lang == "fr" || m.Lang == "en") {
		return m.Lang
	}
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		if strings.HasPrefix(tag, "fr") {
			return "fr"
		} else if strings.HasPrefix(tag, "en") {
			return "en"
		}
	}
	return "fr"
}

// pageErrorText is an error page's message: the catalogue's when the error
// has a key; for French readers of an unkeyed error (the services write
// English), a French sentence for its code and field.
func pageErrorText(lang string, loc *time.Location, err error) string {
	if key, _ := relais.ErrorKey(err); key != "" || lang == "en" {
		return localize(lang, loc, err)
	}
	if _, ok := messages["field."+relais.ErrorField(err)]; ok {
		return localize(lang, loc, err)
	}
	if k := "error.code." + relais.ErrorCode(err); messages[k][0] != "" {
		return translate(lang, k)
	}
	return relais.ErrorMessage(err)
}

func init() {
	for k, v := range map[string][2]string{
		"error.code.forbidden":    {"Votre rôle ne permet pas cette action.", "Your role does not allow this."},
		"error.code.not_found":    {"Introuvable (ou pas visible pour vous).", "Not found (or not visible to you)."},
		"error.code.conflict":     {"Action impossible dans l'état actuel de la publication.", "Not possible in the post's current state."},
		"error.code.invalid":      {"Données refusées.", "Invalid input."},
		"error.code.internal":     {"Erreur interne.", "Internal error."},
		"error.code.unauthorized": {"Connectez-vous d'abord.", "Sign in first."},
		"error.code.rate_limited": {"Trop de tentatives, réessayez plus tard.", "Too many attempts, try again later."},
		"error.code.too_large":    {"Trop volumineux.", "Too large."},
	} {
		messages[k] = v
	}
}
