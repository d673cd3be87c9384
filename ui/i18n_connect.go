package ui

// The connect page's strings (Settings › Accounts › Connect).
func init() {
	for k, v := range map[string][2]string{
		"connect.title":           {"Connecter un compte", "Connect an account"},
		"connect.link":            {"Connecter un compte…", "Connect an account…"},
		"connect.intro":           {"Chaque compte est vérifié auprès de sa plateforme avant d'être enregistré ; ses jetons sont chiffrés.", "Each account is checked with its platform before it is saved; its tokens are encrypted."},
		"connect.unavailable":     {"La connexion de comptes depuis le navigateur n'est pas activée sur ce serveur : utilisez « relais account add ».", "Connecting accounts from the browser is not enabled on this server: use “relais account add”."},
		"connect.handle":          {"Identifiant (handle)", "Handle"},
		"connect.app_password":    {"Mot de passe d'application", "App password"},
		"connect.advanced":        {"Serveur personnel (facultatif)", "Own server (optional)"},
		"connect.pds":             {"Adresse du PDS", "PDS address"},
		"connect.owner":           {"Compte de", "Account of"},
		"connect.owner_district":  {"Secteur", "District"},
		"connect.verify_save":     {"Vérifier et enregistrer", "Verify and save"},
		"connect.sign_in_on":      {"Se connecter sur", "Sign in on"},
		"connect.instance":        {"Adresse de l'instance", "Instance address"},
		"connect.page_name":       {"Nom de la Page", "Page name"},
		"connect.page_id":         {"Identifiant de la Page (facultatif)", "Page ID (optional)"},
		"connect.page_token":      {"Jeton d'accès de la Page", "Page access token"},
		"connect.channel":         {"Canal (@nom ou identifiant)", "Channel (@name or ID)"},
		"connect.bot_token":       {"Jeton du bot", "Bot token"},
		"connect.webhook_name":    {"Nom du canal", "Channel name"},
		"connect.webhook_kind":    {"Service", "Service"},
		"connect.webhook_url":     {"Adresse du webhook", "Webhook URL"},
		"connect.bluesky_help":    {"Créez un mot de passe d'application dans Bluesky (Paramètres › Confidentialité et sécurité › Mots de passe d'application). Il est vérifié tout de suite.", "Create an app password in Bluesky (Settings › Privacy and security › App passwords). It is checked at once."},
		"connect.mastodon_help":   {"relais s'enregistre sur votre instance puis vous y envoie pour l'autoriser.", "relais registers itself on your instance, then sends you there to authorize it."},
		"connect.x_help":          {"Vous serez envoyé·e sur X pour autoriser l'application de la campagne.", "You will be sent to X to authorize the campaign's app."},
		"connect.x_unconfigured":  {"Pour connecter X depuis le navigateur, un administrateur doit d'abord renseigner l'application X de la campagne (RELAIS_X_CONSUMER_KEY et RELAIS_X_CONSUMER_SECRET).", "To connect X from the browser, an administrator must first set the campaign's X app (RELAIS_X_CONSUMER_KEY and RELAIS_X_CONSUMER_SECRET)."},
		"connect.facebook_help":   {"Collez le jeton d'accès de la Page (Meta Business Suite). relais vérifie qu'il ouvre bien cette Page.", "Paste the Page access token (Meta Business Suite). relais checks that it opens this Page."},
		"connect.telegram_help":   {"Ajoutez le bot comme administrateur du canal, puis collez son jeton (BotFather).", "Add the bot as an administrator of the channel, then paste its token (BotFather)."},
		"connect.webhook_help":    {"Webhook entrant Slack, Discord ou Mattermost. relais vérifie l'adresse sans rien publier.", "A Slack, Discord or Mattermost incoming webhook. relais checks the URL without posting anything."},
		"connect.refused":         {"{platform} a refusé ces identifiants : {reason}", "{platform} refused these credentials: {reason}"},
		"connect.bad_state":       {"Ce lien de connexion a expiré ou n'a pas été ouvert depuis cette session. Recommencez.", "This connection link has expired or was not started from this session. Start again."},
		"connect.denied":          {"La connexion a été annulée sur la plateforme.", "The connection was cancelled on the platform."},
		"flash.account_connected": {"Compte vérifié et connecté.", "Account verified and connected."},
		"field.secret":            {"Jeton ou mot de passe", "Token or password"},
		"field.handle":            {"Identifiant", "Handle"},
		"field.base_url":          {"Adresse du serveur", "Server address"},
		"field.credentials":       {"Identifiants", "Credentials"},
		"field.state":             {"Lien de connexion", "Connection link"},
	} {
		messages[k] = v
	}
}
