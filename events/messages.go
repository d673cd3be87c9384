package events

import (
	"fmt"

	"github.com/relais/relais"
)

// messages are the events' error messages, French first, English second.
var messages = map[string][2]string{
	"title.required":       {"Le titre est obligatoire.", "The title is required."},
	"title.long":           {"Le titre dépasse %d caractères.", "The title is longer than %d characters."},
	"kind.unknown":         {"Type d'événement inconnu %q : meeting, market, door_to_door, pop_up, hackathon ou other.", "Unknown event kind %q: meeting, market, door_to_door, pop_up, hackathon or other."},
	"time.required":        {"La date et l'heure sont obligatoires.", "The date and time are required."},
	"time.format":          {"%q n'est pas une date : attendu 2026-12-05T10:00:00+01:00.", "%q is not a date: expected 2026-12-05T10:00:00+01:00."},
	"starts.past":          {"Le début est déjà passé.", "The start is in the past."},
	"starts.far":           {"Le début est à plus de deux ans.", "The start is more than two years away."},
	"ends.before":          {"La fin doit suivre le début.", "The end must come after the start."},
	"ends.long":            {"Un événement dure au plus %d jours.", "An event lasts at most %d days."},
	"place.required":       {"Le lieu est obligatoire.", "The place is required."},
	"place.long":           {"Le lieu dépasse %d caractères.", "The place is longer than %d characters."},
	"district.required":    {"Le secteur est obligatoire.", "The district is required."},
	"district.unknown":     {"Secteur inconnu %q.", "Unknown district %q."},
	"targets.none":         {"Aucun compte de campagne ou de secteur pour annoncer l'événement : connectez-en un ou indiquez des comptes.", "No campaign or district account to announce the event on: connect one or give targets."},
	"text.invalid":         {"Le texte n'est pas valide (UTF-8).", "The text is not valid UTF-8."},
	"forbidden.create":     {"Votre rôle (%s) ne permet pas de créer des événements.", "Your role (%s) may not create events."},
	"forbidden.rsvps":      {"Seuls l'admin et la responsable web voient la liste des inscrits.", "Only admins and web leads see who answered."},
	"rsvp.name":            {"Indiquez votre nom (%d caractères au plus).", "Give your name (at most %d characters)."},
	"rsvp.email":           {"Adresse e-mail invalide.", "Invalid e-mail address."},
	"rsvp.consent":         {"Cochez la case pour que nous gardions votre inscription.", "Tick the box so that we may keep your answer."},
	"rsvp.consent_changed": {"Le texte de consentement vient de changer : relisez-le et validez de nouveau.", "The consent text has just changed: read it again and send again."},
	"rsvp.over":            {"Cet événement est terminé.", "This event is over."},
	"rsvp.full":            {"Cet événement est complet.", "This event is full."},
	"event.notfound":       {"Événement introuvable.", "Event not found."},
	"signin":               {"Connectez-vous d'abord.", "Sign in first."},
}

// msg returns message key in lang ("en" or French), formatted.
func msg(lang, key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	s := m[0]
	if lang == "en" {
		s = m[1]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// fieldErr is an EINVALID error naming field, in lang.
func fieldErr(lang, field, key string, args ...any) *relais.Error {
	return &relais.Error{Code: relais.EINVALID, Field: field, Message: msg(lang, key, args...)}
}

// codeErr is an error with code, in lang.
func codeErr(lang, code, key string, args ...any) *relais.Error {
	return &relais.Error{Code: code, Message: msg(lang, key, args...)}
}
