package ui

import (
	"net/http"
	"time"
)

// messages holds the dashboard's strings: French first, English second.
var messages = map[string][2]string{
	"app.tagline":               {"Réseaux sociaux de campagne", "Campaign social media"},
	"nav.queue":                 {"À valider", "Queue"},
	"nav.compose":               {"Rédiger", "Compose"},
	"nav.logout":                {"Se déconnecter", "Sign out"},
	"login.title":               {"Connexion", "Sign in"},
	"login.email":               {"Adresse e-mail", "E-mail address"},
	"login.password":            {"Mot de passe", "Password"},
	"login.submit":              {"Se connecter", "Sign in"},
	"queue.title":               {"En attente de votre décision", "Awaiting your decision"},
	"queue.empty":               {"Rien à valider pour le moment.", "Nothing to review right now."},
	"queue.recent":              {"Publications récentes", "Recent posts"},
	"post.approve":              {"Approuver", "Approve"},
	"post.reject":               {"Refuser", "Reject"},
	"post.changes":              {"Demander des modifications", "Request changes"},
	"post.comment":              {"Commentaire", "Comment"},
	"post.ack":                  {"J'ai lu les avertissements de ton", "I have read the tone warnings"},
	"post.scheduled_at":         {"Programmé pour", "Scheduled for"},
	"post.now":                  {"dès validation", "on approval"},
	"post.routing":              {"Validation", "Routing"},
	"post.tone":                 {"Ton", "Tone"},
	"post.deliveries":           {"Publications", "Deliveries"},
	"post.history":              {"Historique", "History"},
	"post.state":                {"État", "State"},
	"post.open":                 {"Ouvrir", "Open"},
	"post.submit":               {"Envoyer en validation", "Submit for review"},
	"compose.title":             {"Nouvelle publication", "New post"},
	"compose.text":              {"Texte", "Text"},
	"compose.targets":           {"Comptes", "Accounts"},
	"compose.when":              {"Date et heure (Paris)", "Date and time (Paris)"},
	"compose.sensitive":         {"Marquer comme sensible", "Mark as sensitive"},
	"compose.save":              {"Enregistrer et envoyer en validation", "Save and submit for review"},
	"compose.tone":              {"Vérification du ton", "Tone check"},
	"tone.ok":                   {"Ton conforme", "Tone OK"},
	"tone.warn":                 {"Avertissement", "Warning"},
	"tone.block":                {"Bloqué par les règles de ton", "Blocked by the tone rules"},
	"owner.candidate":           {"Candidate", "Candidate"},
	"owner.campaign":            {"Campagne", "Campaign"},
	"owner.colistier":           {"Colistiers", "Running mates"},
	"owner.district":            {"Secteurs", "Districts"},
	"live.connected":            {"En direct", "Live"},
	"live.offline":              {"Hors ligne, reconnexion…", "Offline, reconnecting…"},
	"error.title":               {"Erreur", "Error"},
	"state.draft":               {"brouillon", "draft"},
	"state.in_review":           {"en validation", "in review"},
	"state.changes_requested":   {"modifications demandées", "changes requested"},
	"state.scheduled":           {"programmé", "scheduled"},
	"state.publishing":          {"en cours de publication", "publishing"},
	"state.published":           {"publié", "published"},
	"state.partially_published": {"publié en partie", "partially published"},
	"state.failed":              {"échec", "failed"},
	"state.outcome_unknown":     {"issue inconnue", "outcome unknown"},
	"state.rejected":            {"refusé", "rejected"},
	"state.expired":             {"expiré", "expired"},
	"state.cancelled":           {"annulé", "cancelled"},
	"state.pending":             {"en attente", "pending"},
	"state.held":                {"retenu (réserve électorale)", "held (blackout)"},
}

// translate returns the string for key in lang ("fr" or "en").
func translate(lang, key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return m[1]
	}
	return m[0]
}

// langOf picks the page language: ?lang=, then the cookie, then the
// member's preference, then French. A ?lang= choice is remembered.
func langOf(w http.ResponseWriter, r *http.Request, memberLang string) string {
	if l := r.URL.Query().Get("lang"); l == "fr" || l == "en" {
		http.SetCookie(w, &http.Cookie{Name: "relais_lang", Value: l, Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()), SameSite: http.SameSiteLaxMode})
		return l
	}
	if c, err := r.Cookie("relais_lang"); err == nil && (c.Value == "fr" || c.Value == "en") {
		return c.Value
	}
	if memberLang == "en" {
		return "en"
	}
	return "fr"
}
