package ui

import (
	"github.com/relais/relais/i18n"
	"net/http"
	"strconv"
	"time"
)

// messages holds the dashboard's strings: French first, English second.
var messages = map[string][2]string{
	"app.tagline":                    {"Réseaux sociaux de campagne", "Campaign social media"},
	"nav.queue":                      {"À valider", "Queue"},
	"nav.compose":                    {"Rédiger", "Compose"},
	"nav.logout":                     {"Se déconnecter", "Sign out"},
	"login.title":                    {"Connexion", "Sign in"},
	"login.email":                    {"Adresse e-mail", "E-mail address"},
	"login.password":                 {"Mot de passe", "Password"},
	"login.submit":                   {"Se connecter", "Sign in"},
	"queue.title":                    {"En attente de votre décision", "Awaiting your decision"},
	"queue.empty":                    {"Rien à valider pour le moment.", "Nothing to review right now."},
	"queue.recent":                   {"Publications récentes", "Recent posts"},
	"post.approve":                   {"Approuver", "Approve"},
	"post.reject":                    {"Refuser", "Reject"},
	"post.changes":                   {"Demander des modifications", "Request changes"},
	"post.comment":                   {"Commentaire", "Comment"},
	"post.ack":                       {"J'ai lu les avertissements de ton", "I have read the tone warnings"},
	"post.scheduled_at":              {"Programmé pour", "Scheduled for"},
	"post.now":                       {"dès validation", "on approval"},
	"post.routing":                   {"Validation", "Routing"},
	"post.tone":                      {"Ton", "Tone"},
	"post.deliveries":                {"Publications", "Deliveries"},
	"post.history":                   {"Historique", "History"},
	"post.state":                     {"État", "State"},
	"post.open":                      {"Ouvrir", "Open"},
	"post.submit":                    {"Envoyer en validation", "Submit for review"},
	"compose.title":                  {"Nouvelle publication", "New post"},
	"compose.text":                   {"Texte", "Text"},
	"compose.targets":                {"Comptes", "Accounts"},
	"compose.when":                   {"Date et heure (Paris)", "Date and time (Paris)"},
	"compose.sensitive":              {"Marquer comme sensible", "Mark as sensitive"},
	"compose.save":                   {"Enregistrer et envoyer en validation", "Save and submit for review"},
	"compose.tone":                   {"Vérification du ton", "Tone check"},
	"tone.ok":                        {"Ton conforme", "Tone OK"},
	"tone.warn":                      {"Avertissement", "Warning"},
	"tone.block":                     {"Bloqué par les règles de ton", "Blocked by the tone rules"},
	"owner.candidate":                {"Candidate", "Candidate"},
	"owner.campaign":                 {"Campagne", "Campaign"},
	"owner.colistier":                {"Colistiers", "Running mates"},
	"owner.district":                 {"Secteurs", "Districts"},
	"live.connected":                 {"En direct", "Live"},
	"live.offline":                   {"Hors ligne, reconnexion…", "Offline, reconnecting…"},
	"error.title":                    {"Erreur", "Error"},
	"state.draft":                    {"brouillon", "draft"},
	"state.in_review":                {"en validation", "in review"},
	"state.changes_requested":        {"modifications demandées", "changes requested"},
	"state.scheduled":                {"programmé", "scheduled"},
	"state.publishing":               {"en cours de publication", "publishing"},
	"state.published":                {"publié", "published"},
	"state.partially_published":      {"publié en partie", "partially published"},
	"state.failed":                   {"échec", "failed"},
	"state.outcome_unknown":          {"issue inconnue", "outcome unknown"},
	"state.rejected":                 {"refusé", "rejected"},
	"state.expired":                  {"expiré", "expired"},
	"state.cancelled":                {"annulé", "cancelled"},
	"state.pending":                  {"en attente", "pending"},
	"state.held":                     {"retenu (réserve électorale)", "held (blackout)"},
	"state.approved":                 {"approuvé", "approved"},
	"nav.skip":                       {"Aller au contenu", "Skip to content"},
	"nav.label":                      {"Navigation principale", "Main navigation"},
	"nav.home":                       {"Accueil", "Home"},
	"nav.inbox":                      {"À partager", "Inbox"},
	"nav.calendar":                   {"Calendrier", "Calendar"},
	"nav.map":                        {"Carte", "Map"},
	"nav.settings":                   {"Réglages", "Settings"},
	"home.title":                     {"Mon espace colistier", "My running-mate space"},
	"approver.":                      {"—", "—"},
	"decision.approved":              {"a approuvé", "approved"},
	"decision.step_approved":         {"a approuvé (1re étape)", "approved (first step)"},
	"decision.rejected":              {"a refusé", "rejected"},
	"decision.changes_requested":     {"a demandé des modifications", "requested changes"},
	"queue.submitted":                {"envoyé le", "sent"},
	"post.hash":                      {"Empreinte", "Content hash"},
	"post.no_deliveries":             {"Pas encore de publication : elles sont créées à l'approbation.", "No deliveries yet: they are created on approval."},
	"post.deliveries_planned":        {"Approuvée : publication prévue le %s sur %s.", "Approved: to be published on %s to %s."},
	"post.deliveries_soon":           {"Approuvée : publication dans un instant sur %s.", "Approved: being published shortly to %s."},
	"post.presence":                  {"Aussi sur cette page", "Also viewing"},
	"tone.overridden":                {"levé par un admin", "overridden by an admin"},
	"resolve.help":                   {"Issue inconnue : vérifiez sur le réseau, puis indiquez ce qui s'est passé. relais ne republie jamais à l'aveugle.", "Outcome unknown: check on the platform, then record what happened. relais never retries blindly."},
	"resolve.url":                    {"Adresse de la publication (si publiée)", "Address of the post (if published)"},
	"resolve.note":                   {"Note (facultatif)", "Note (optional)"},
	"resolve.published":              {"Marquer publié", "Mark published"},
	"resolve.failed":                 {"Marquer en échec", "Mark failed"},
	"compose.counters":               {"Longueur par réseau", "Length per platform"},
	"compose.xcost":                  {"Coût X estimé", "Estimated X cost"},
	"compose.xcost_per":              {"par compte X", "per X account"},
	"compose.variants":               {"Variantes par réseau", "Per-platform variants"},
	"compose.images":                 {"Images", "Images"},
	"settings.account_edit":          {"Profil et reconnexion", "Profile and reconnection"},
	"settings.credentials":           {"Nouveaux identifiants (JSON)", "New credentials (JSON)"},
	"settings.credentials_help":      {"Chiffrés avant d'être enregistrés ; jamais réaffichés. Laisser vide pour ne changer que le profil.", "Encrypted before they are stored; never shown again. Leave empty to change only the profile."},
	"settings.account_save":          {"Enregistrer", "Save"},
	"post.previews":                  {"Tel que publié sur chaque compte", "As each account will publish it"},
	"compose.images_help":            {"JPEG, PNG, WebP ou GIF, 5 Mo au plus, 4 images au plus ; décrivez chaque image pour les personnes aveugles.", "JPEG, PNG, WebP or GIF, up to 5 MB, up to 4 images; describe each image for blind readers."},
	"compose.image_alt":              {"Description de la prochaine image", "Description of the next image"},
	"compose.image_add":              {"Ajouter une image", "Add an image"},
	"compose.remove_image":           {"Retirer", "Remove"},
	"compose.variants_help":          {"Laisser vide pour publier le texte principal.", "Leave empty to publish the main text."},
	"compose.all_districts":          {"Tous les secteurs", "All districts"},
	"compose.when_help":              {"Vide : publication dès validation.", "Empty: published on approval."},
	"compose.queue":                  {"Au prochain créneau libre de la file", "At the next free queue slot"},
	"compose.queue_help":             {"Les créneaux se règlent par compte dans les réglages ; la date ci-dessus est alors ignorée.", "Slots are set per account in the settings; the date above is then ignored."},
	"post.comments":                  {"Discussion", "Discussion"},
	"post.no_comments":               {"Pas encore de commentaire.", "No comments yet."},
	"post.comment_add":               {"Ajouter un commentaire (@prenom pour mentionner)", "Add a comment (@name to mention)"},
	"post.comment_send":              {"Envoyer", "Send"},
	"post.comment_sent":              {"Commentaire envoyé.", "Comment sent."},
	"toast.approval":                 {"Une publication attend votre décision", "A post awaits your decision"},
	"post.repeat":                    {"Répéter cette publication", "Repeat this post"},
	"post.repeat_spec":               {"Fréquence (cron, heure de Paris), ex. « 30 8 * * 1-5 » : 8 h 30 en semaine", "Schedule (cron, Paris time), e.g. \"30 8 * * 1-5\": 8:30 on weekdays"},
	"post.repeat_ok":                 {"Répétition créée.", "Recurrence created."},
	"post.repeat_add":                {"Créer la répétition", "Create the recurrence"},
	"compose.preview":                {"Aperçu", "Preview"},
	"compose.preview_empty":          {"Écrivez un texte pour voir l'aperçu.", "Write some text to see the preview."},
	"platform.initial.x":             {"X", "X"},
	"platform.initial.bluesky":       {"B", "B"},
	"platform.initial.mastodon":      {"M", "M"},
	"platform.initial.facebook":      {"f", "f"},
	"platform.initial.telegram":      {"T", "T"},
	"platform.initial.sandbox":       {"S", "S"},
	"account.active":                 {"connecté", "connected"},
	"account.needs_reconnect":        {"à reconnecter", "needs reconnecting"},
	"inbox.title":                    {"Mes suggestions de partage", "My share suggestions"},
	"inbox.pending":                  {"à partager", "to share"},
	"inbox.open":                     {"Ouvrir ma boîte", "Open my inbox"},
	"inbox.my_account":               {"Mon compte", "My account"},
	"inbox.no_account":               {"Aucun compte connecté : utilisez les liens de partage.", "No connected account: use the share links."},
	"inbox.blackout":                 {"Période de réserve électorale : aucun partage jusqu'à la fermeture des bureaux de vote.", "Electoral blackout: no sharing until the polls close."},
	"inbox.from":                     {"à partir du", "from"},
	"inbox.text":                     {"Texte (modifiable, ton revérifié)", "Text (editable, tone re-checked)"},
	"inbox.publish":                  {"Publier sur", "Publish on"},
	"inbox.mark_shared":              {"J'ai partagé", "I shared it"},
	"inbox.decline":                  {"Décliner", "Decline"},
	"inbox.links":                    {"Liens de partage", "Share links"},
	"inbox.empty":                    {"Aucune suggestion pour le moment.", "No suggestions yet."},
	"sg.pending":                     {"à partager", "to share"},
	"sg.shared":                      {"partagé", "shared"},
	"sg.declined":                    {"décliné", "declined"},
	"flash.shared":                   {"Merci, partage enregistré.", "Thanks, share recorded."},
	"flash.published":                {"Publié sur votre compte.", "Published on your account."},
	"flash.declined":                 {"Suggestion déclinée.", "Suggestion declined."},
	"flash.resolved":                 {"Publication réglée.", "Delivery resolved."},
	"flash.moved":                    {"Publication déplacée.", "Post moved."},
	"flash.round":                    {"Tour de scrutin ajouté.", "Election round added."},
	"map.title":                      {"Carte des secteurs", "District map"},
	"map.help":                       {"Couleur : taux de partage des colistiers ; +N : partages des 7 derniers jours.", "Colour: running mates' share rate; +N: shares in the last 7 days."},
	"map.shared":                     {"partagé", "shared"},
	"map.recent":                     {"partages en 7 jours", "shares in 7 days"},
	"map.colistiers":                 {"colistiers", "running mates"},
	"map.colistiers_title":           {"Colistiers", "Running mates"},
	"map.no_colistiers":              {"Aucun colistier dans ce secteur.", "No running mates in this district."},
	"map.posts":                      {"Publications du secteur", "District posts"},
	"map.no_posts":                   {"Aucune publication récente.", "No recent posts."},
	"map.nodata":                     {"pas encore de données", "no data yet"},
	"map.rate":                       {"Taux de partage", "Share rate"},
	"map.seats":                      {"Sièges au Conseil de Paris", "Seats on the Conseil de Paris"},
	"calendar.title":                 {"Calendrier", "Calendar"},
	"calendar.view":                  {"Vue", "View"},
	"calendar.week":                  {"Semaine", "Week"},
	"calendar.month":                 {"Mois", "Month"},
	"calendar.prev":                  {"Période précédente", "Previous period"},
	"calendar.next":                  {"Période suivante", "Next period"},
	"calendar.today":                 {"Aujourd'hui", "Today"},
	"calendar.account":               {"Compte", "Account"},
	"calendar.all_accounts":          {"Tous les comptes", "All accounts"},
	"calendar.filter":                {"Filtrer", "Filter"},
	"calendar.blackout":              {"Réserve électorale", "Electoral blackout"},
	"calendar.blackout_short":        {"réserve", "blackout"},
	"calendar.move":                  {"Déplacer", "Move"},
	"calendar.move_ok":               {"Déplacer", "Move"},
	"calendar.move_error":            {"Déplacement refusé", "Move refused"},
	"calendar.ics_help":              {"Abonnez votre agenda avec un jeton de lecture seule (relais user token --calendar) :", "Subscribe your calendar app with a read-only token (relais user token --calendar):"},
	"wd.Monday":                      {"lun.", "Mon"},
	"wd.Tuesday":                     {"mar.", "Tue"},
	"wd.Wednesday":                   {"mer.", "Wed"},
	"wd.Thursday":                    {"jeu.", "Thu"},
	"wd.Friday":                      {"ven.", "Fri"},
	"wd.Saturday":                    {"sam.", "Sat"},
	"wd.Sunday":                      {"dim.", "Sun"},
	"wdn.1":                          {"lun.", "Mon"},
	"wdn.2":                          {"mar.", "Tue"},
	"wdn.3":                          {"mer.", "Wed"},
	"wdn.4":                          {"jeu.", "Thu"},
	"wdn.5":                          {"ven.", "Fri"},
	"wdn.6":                          {"sam.", "Sat"},
	"wdn.0":                          {"dim.", "Sun"},
	"settings.title":                 {"Réglages", "Settings"},
	"settings.sections":              {"Sections", "Sections"},
	"settings.members":               {"Membres et rôles", "Members and roles"},
	"settings.name":                  {"Nom", "Name"},
	"settings.role":                  {"Rôle", "Role"},
	"settings.district":              {"Secteur", "District"},
	"settings.invite":                {"Inviter un membre", "Invite a member"},
	"settings.invite_send":           {"Envoyer l'invitation", "Send the invitation"},
	"settings.invite_sent":           {"Invitation envoyée.", "Invitation sent."},
	"settings.accounts":              {"Comptes", "Accounts"},
	"settings.profile":               {"profil de ton", "tone profile"},
	"settings.reconnect_help":        {"Jeton expiré : rien n'est retenté. Collez de nouveaux identifiants ci-dessous (ou relais account reconnect).", "Token expired: nothing is retried. Paste new credentials below (or relais account reconnect)."},
	"settings.slots":                 {"Créneaux de file", "Queue slots"},
	"settings.weekdays":              {"Jours", "Days"},
	"settings.times":                 {"Heures (HH:MM, séparées par des virgules)", "Times (HH:MM, comma-separated)"},
	"settings.slots_add":             {"Ajouter les créneaux", "Add slots"},
	"settings.profile_label":         {"Profil de ton", "Tone profile"},
	"settings.polls_close_label":     {"Fermeture des bureaux de vote", "Polls close"},
	"settings.slot_delete":           {"supprimer", "delete"},
	"settings.slots_added":           {"Créneaux ajoutés.", "Slots added."},
	"settings.tone":                  {"Règles de ton", "Tone rules"},
	"settings.line":                  {"Ligne", "Line"},
	"settings.tone_validate":         {"Vérifier", "Validate"},
	"settings.tone_save":             {"Enregistrer et recharger", "Save and reload"},
	"settings.tone_valid":            {"Règles valides (non enregistrées).", "Rules are valid (not saved)."},
	"settings.tone_saved":            {"Règles enregistrées et rechargées.", "Rules saved and reloaded."},
	"settings.tone_test":             {"Tester un texte", "Test a text"},
	"settings.tone_check":            {"Vérifier le ton", "Check the tone"},
	"settings.rounds":                {"Tours de scrutin et réserve électorale", "Election rounds and blackout windows"},
	"settings.rounds_help":           {"Code électoral, art. L49 : rien ne part de la veille 0 h jusqu'à la fermeture des bureaux.", "Electoral code L49: nothing goes out from 00:00 on the eve until the polls close."},
	"settings.no_rounds":             {"Aucun tour déclaré.", "No round declared."},
	"settings.day":                   {"Jour du vote", "Voting day"},
	"settings.polls_close":           {"fermeture des bureaux", "polls close"},
	"settings.round_add":             {"Ajouter le tour", "Add the round"},
	"actor.system/cli":               {"système (ligne de commande)", "system (command line)"},
	"actor.system":                   {"système", "system"},
	"audit.post.create":              {"création", "created"},
	"audit.post.submit":              {"envoi en validation", "submitted"},
	"audit.post.approve":             {"approbation", "approved"},
	"audit.post.approve_step":        {"approbation (1re étape)", "approved (first step)"},
	"audit.post.reject":              {"refus", "rejected"},
	"audit.post.request_changes":     {"modifications demandées", "changes requested"},
	"audit.post.edit":                {"modification", "edited"},
	"audit.post.override":            {"levée du blocage de ton", "tone block overridden"},
	"audit.post.reschedule":          {"reprogrammation", "rescheduled"},
	"audit.post.cancel":              {"annulation", "cancelled"},
	"audit.post.comment":             {"commentaire", "comment"},
	"audit.post.expire":              {"expiration", "expired"},
	"audit.post.fan_out":             {"diffusion", "fan-out"},
	"audit.delivery.published":       {"publié", "published"},
	"audit.delivery.failed":          {"échec", "failed"},
	"audit.delivery.outcome_unknown": {"issue inconnue", "outcome unknown"},
	"audit.delivery.held":            {"retenu (réserve)", "held (blackout)"},
	"audit.delivery.resolved":        {"réglé à la main", "resolved by hand"},
	"audit.suggestion.shared":        {"partage colistier", "running mate share"},
	"audit.suggestion.published":     {"publié par un colistier", "published by a running mate"},
}

// init merges the catalogue the services share (e-mails, routing
// reasons, roles, plural forms) into the dashboard's.
func init() {
	for k, v := range i18n.Messages() {
		messages[k] = v
	}
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

// TOr translates key, or returns fallback when there is no such string.
func (p Page) TOr(key, fallback string) string {
	if _, ok := messages[key]; !ok {
		return fallback
	}
	return p.T(key)
}

// TN translates the plural form of key for count n ("key.one" or
// "key.other", by the page language's rules) and fills {n}.
func (p Page) TN(key string, n int) string {
	return fill(p.Lang, p.T(key+"."+i18n.PluralForm(p.Lang, n)), map[string]string{"n": strconv.Itoa(n)}, p.Location())
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
