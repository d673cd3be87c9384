package ui

// policyMessages say why an action is refused (policy.Decision.Reason):
// one per action a role may not do at all, one per condition that does
// not hold. Merged into messages at start.
var policyMessages = map[string][2]string{
	"policy.signed_out":                    {"Connectez-vous d'abord.", "Sign in first."},
	"policy.denied.dashboard.use":          {"Votre rôle ne donne pas accès au tableau de bord.", "Your role gives no access to the dashboard."},
	"policy.denied.post.read_unpublished":  {"Votre rôle ne permet de voir que les publications publiées.", "Your role only sees published posts."},
	"policy.denied.post.read_review":       {"Votre rôle ne permet pas de voir la validation de l'équipe web.", "Your role may not see the web team's review."},
	"policy.denied.post.create":            {"Votre rôle ne permet pas de rédiger.", "Your role may not write posts."},
	"policy.denied.post.edit":              {"Votre rôle ne permet pas de modifier cette publication.", "Your role may not edit this post."},
	"policy.denied.post.delete":            {"Votre rôle ne permet pas de supprimer cette publication.", "Your role may not delete this post."},
	"policy.denied.post.reschedule":        {"Votre rôle ne permet pas de déplacer les publications.", "Your role may not reschedule posts."},
	"policy.denied.post.cancel":            {"Votre rôle ne permet pas d'annuler les publications.", "Your role may not cancel posts."},
	"policy.denied.post.approve":           {"Votre rôle ne permet pas de valider.", "Your role may not approve posts."},
	"policy.denied.post.approve_sensitive": {"Seule la candidate valide les publications sensibles sur ses comptes.", "Only the candidate approves sensitive posts on her accounts."},
	"policy.denied.post.override":          {"Seul·e un·e admin peut passer outre un blocage de ton.", "Only an admin may override a tone block."},
	"policy.denied.post.discuss":           {"Votre rôle ne participe pas aux discussions des publications.", "Your role may not take part in post discussions."},
	"policy.denied.post.target":            {"Votre rôle ne permet pas de publier sur ce compte.", "Your role may not publish to this account."},
	"policy.denied.recurring.create":       {"Votre rôle ne permet pas de programmer des récurrences.", "Your role may not make posts recur."},
	"policy.denied.recurring.read":         {"Votre rôle ne permet pas de voir les récurrences.", "Your role may not see recurring posts."},
	"policy.denied.recurring.stop":         {"Votre rôle ne permet pas d'arrêter les récurrences.", "Your role may not stop recurring posts."},
	"policy.denied.deliveries.read":        {"Votre rôle ne permet pas de voir les envois.", "Your role may not list deliveries."},
	"policy.denied.delivery.resolve":       {"Seul·e un·e admin ou un·e responsable web tranche un envoi incertain.", "Only an admin or an editor may resolve a delivery."},
	"policy.denied.presence.announce":      {"Votre rôle n'apparaît pas dans la présence des brouillons.", "Your role does not appear in drafts' presence."},
	"policy.denied.live.staff_events":      {"Votre rôle ne reçoit pas le direct de l'équipe web.", "Your role does not receive the web team's live events."},
	"policy.denied.home.inbox":             {"Votre accueil est la file de validation.", "Your home is the review queue."},
	"policy.denied.districts.overview":     {"Votre rôle ne voit pas la carte des secteurs sur l'accueil.", "Your role does not see the district map on the home page."},
	"policy.denied.members.read_email":     {"Votre rôle ne voit pas les adresses des membres.", "Your role may not see members' e-mail addresses."},
	"policy.denied.slots.read":             {"Votre rôle ne permet pas de voir les files.", "Your role may not see queues."},
	"policy.denied.slots.manage":           {"Votre rôle ne permet pas de gérer les files des comptes.", "Your role may not manage accounts' queues."},
	"policy.denied.accounts.manage":        {"Votre rôle ne permet pas de gérer les comptes.", "Your role may not manage accounts."},
	"policy.denied.account.tone_profile":   {"Votre rôle ne permet pas de changer le profil de ton.", "Your role may not change tone profiles."},
	"policy.denied.approval_steps.read":    {"Votre rôle ne permet pas de voir les réglages des comptes.", "Your role may not see account settings."},
	"policy.denied.approval_steps.set":     {"Seul·e un·e admin configure les étapes de validation.", "Only an admin may configure approval steps."},
	"policy.denied.rounds.declare":         {"Votre rôle ne permet pas de déclarer les tours de scrutin.", "Your role may not declare election rounds."},
	"policy.denied.settings.open":          {"Votre rôle ne permet pas d'ouvrir les réglages.", "Your role may not open the settings."},
	"policy.denied.tone.rules_save":        {"Seul·e un·e admin modifie les règles de ton.", "Only an admin may change the tone rules."},
	"policy.denied.members.manage":         {"Seul·e un·e admin gère les membres.", "Only an admin manages members."},
	"policy.denied.supporters.count":       {"Votre rôle ne voit pas les effectifs des soutiens.", "Your role may not see the supporters' counts."},
	"policy.denied.supporters.list":        {"Seul·es les responsables web et les admins voient la liste des soutiens.", "Only editors and admins see the supporters list."},
	"policy.denied.supporters.import":      {"Seul·es les responsables web et les admins importent des soutiens.", "Only editors and admins import supporters."},
	"policy.denied.supporters.rights":      {"Seul·es les admins exportent ou effacent les données d'une personne.", "Only admins export or erase a person's data."},
	"policy.denied.analytics.read":         {"Seule l'équipe de campagne lit les statistiques.", "Only the campaign team may read analytics."},
	"policy.denied.analytics.mail":         {"Votre rôle ne reçoit pas le rapport hebdomadaire.", "Your role does not receive the weekly report."},
	"policy.denied.digest.team":            {"Votre rôle ne reçoit pas le point quotidien de l'équipe web.", "Your role does not receive the web team's daily digest."},
	"policy.denied.experiments.run":        {"Seule l'équipe de campagne lance des expériences.", "Only the campaign team may run experiments."},
	"policy.denied.experiments.decide":     {"Seul·es les responsables web et les admins tranchent une expérience.", "Only editors and admins may decide an experiment."},
	"policy.denied.links.manage":           {"Seul·es les responsables web et les admins règlent les liens suivis.", "Only admins and editors may change an account's links."},
	"policy.denied.events.create":          {"Votre rôle ne permet pas de créer des événements.", "Your role may not create events."},
	"policy.denied.events.rsvps":           {"Seul·es les responsables web et les admins voient les inscriptions.", "Only editors and admins see the RSVPs."},
	"policy.denied.relay.read":             {"Seul·es les responsables web et les admins voient les publications à relayer.", "Only editors and admins see the posts to relay."},
	"policy.denied.relay.repost":           {"Seul·es les responsables web et les admins repartagent depuis le compte de campagne.", "Only editors and admins may repost from the campaign's account."},
	"policy.unless.author":                 {"Seul·e l'auteur·rice peut le faire.", "Only the author may do this."},
	"policy.unless.not_author":             {"Personne ne valide sa propre publication.", "Nobody approves their own post."},
	"policy.unless.account_owner":          {"Ce compte n'est pas le vôtre.", "This account is not yours."},
	"policy.unless.candidate_account":      {"Seulement sur les comptes de la candidate et de la campagne.", "Only on the candidate's and the campaign's accounts."},
	"policy.unless.other_account":          {"Seul·e un·e admin change le profil de ton des comptes de la candidate et de la campagne.", "Only an admin may change the tone profile of the candidate's or the campaign's accounts."},
}

func init() {
	for k, v := range policyMessages {
		messages[k] = v
	}
}
