package ui

// eventMessages are the field events' strings, merged into messages.
var eventMessages = map[string][2]string{
	"nav.events":                  {"Événements", "Events"},
	"events.title":                {"Événements de terrain", "Field events"},
	"events.public":               {"Événement", "Event"},
	"events.new":                  {"Nouvel événement", "New event"},
	"events.none":                 {"Aucun événement prévu.", "No event planned."},
	"events.upcoming":             {"Événements à venir", "Coming events"},
	"events.f.title":              {"Titre", "Title"},
	"events.f.kind":               {"Type", "Kind"},
	"events.f.starts_at":          {"Début (Paris)", "Starts (Paris)"},
	"events.f.ends_at":            {"Fin (Paris)", "Ends (Paris)"},
	"events.f.place":              {"Lieu", "Place"},
	"events.f.district":           {"Secteur", "District"},
	"events.f.public":             {"Page publique avec inscriptions", "Public page taking RSVPs"},
	"events.create":               {"Créer l'événement et ses trois brouillons", "Create the event and its three drafts"},
	"events.kind.meeting":         {"Réunion publique", "Public meeting"},
	"events.kind.market":          {"Marché", "Market tour"},
	"events.kind.door_to_door":    {"Porte-à-porte", "Door to door"},
	"events.kind.pop_up":          {"Prise de parole", "Pop-up speech"},
	"events.kind.hackathon":       {"Hackathon", "Hackathon"},
	"events.kind.other":           {"Autre", "Other"},
	"events.drafts":               {"Brouillons liés", "Bound drafts"},
	"events.draft.announce":       {"Annonce (la veille)", "Announcement (the day before)"},
	"events.draft.live":           {"En direct (sur place)", "Live (on site)"},
	"events.draft.recap":          {"Merci et bilan (le lendemain)", "Thank-you and recap (the day after)"},
	"events.rsvps":                {"Inscriptions", "RSVPs"},
	"events.by_district":          {"Inscriptions par secteur", "RSVPs per district"},
	"events.no_district":          {"secteur non précisé", "no district given"},
	"events.public_link":          {"Page publique", "Public page"},
	"events.private":              {"Interne (pas de page publique)", "Internal (no public page)"},
	"events.ics":                  {"Ajouter à mon agenda (iCal)", "Add to my calendar (iCal)"},
	"events.when":                 {"Quand", "When"},
	"events.where":                {"Où", "Where"},
	"events.rsvp.title":           {"Je viens", "I'm coming"},
	"events.rsvp.name":            {"Nom", "Name"},
	"events.rsvp.email":           {"Adresse e-mail", "E-mail address"},
	"events.rsvp.district":        {"Mon arrondissement (facultatif)", "My district (optional)"},
	"events.rsvp.supporter":       {"En vous inscrivant, vous rejoignez les sympathisant·es de la campagne :", "By answering you join the campaign's supporters:"},
	"events.rsvp.consent_version": {"version du texte", "text version"},
	"events.rsvp.consent":         {"J'accepte que la campagne conserve mon inscription à cet événement et me contacte à son sujet.", "I agree that the campaign keeps my answer to this event and contacts me about it."},
	"events.rsvp.submit":          {"Je m'inscris", "Count me in"},
	"events.rsvp.done":            {"Merci, votre inscription est enregistrée !", "Thank you, your answer is recorded!"},
	"events.rsvp.count":           {"personnes inscrites", "people coming"},
	"events.ratelimit":            {"Trop d'inscriptions depuis votre connexion ; réessayez dans une minute.", "Too many answers from your connection; try again in a minute."},
	"events.list_help":            {"Chaque événement crée trois brouillons qui passent par la validation habituelle.", "Each event creates three drafts that go through the usual approval."},
	"flash.event":                 {"Événement créé avec ses trois brouillons.", "Event created with its three drafts."},
}

func init() {
	for k, v := range eventMessages {
		messages[k] = v
	}
}

// terrainMessages are the Terrain screen's strings, merged into messages.
var terrainMessages = map[string][2]string{
	"nav.terrain":          {"Terrain", "Field"},
	"terrain.title":        {"Terrain", "Field capture"},
	"terrain.camera":       {"Photo ou vidéo", "Photo or video"},
	"terrain.caption":      {"Légende", "Caption"},
	"terrain.send":         {"Envoyer en validation", "Submit for approval"},
	"terrain.queued":       {"Envoi en cours…", "Sending…"},
	"terrain.sent":         {"Envoyé en validation.", "Submitted for approval."},
	"terrain.offline":      {"Hors ligne : gardé sur le téléphone, envoyé au retour du réseau.", "Offline: kept on the phone, sent when the network returns."},
	"terrain.error":        {"Refusé par le serveur.", "Refused by the server."},
	"terrain.need_caption": {"Ajoutez une légende.", "Add a caption."},
	"terrain.too_big":      {"Fichier trop lourd.", "File too large."},
	"terrain.outbox":       {"En attente d'envoi", "Waiting to be sent"},
	"terrain.outbox_help":  {"Les captures restent sur ce téléphone tant qu'elles ne sont pas parties.", "Captures stay on this phone until they are sent."},
	"terrain.forbidden":    {"Votre rôle ne permet pas de publier.", "Your role may not write posts."},
}

func init() {
	for k, v := range terrainMessages {
		messages[k] = v
	}
}

// pushMessages are the Web Push card's strings, merged into messages.
var pushMessages = map[string][2]string{
	"push.title":  {"Notifications sur ce téléphone", "Notifications on this phone"},
	"push.help":   {"Recevez les demandes de validation ; touchez la notification pour décider.", "Get approval requests; tap the notification to decide."},
	"push.enable": {"Activer les notifications", "Turn on notifications"},
	"push.on":     {"Notifications activées.", "Notifications are on."},
	"push.denied": {"Notifications refusées par le navigateur.", "The browser refused notifications."},
}

func init() {
	for k, v := range pushMessages {
		messages[k] = v
	}
}
