package i18n

// The errors the services return on the compose, edit and decision forms
// (relais.Error.With): one specific sentence per case in each language,
// so that nobody reads a generic "value refused".
func init() {
	add(map[string][2]string{
		"error.text_required":              {"Le texte est vide : écrivez la publication.", "Text is required."},
		"error.text_utf8":                  {"Le texte contient des caractères illisibles : recopiez-le.", "Text is not valid UTF-8: type it again."},
		"error.text_too_large":             {"Le texte dépasse 64 Kio : raccourcissez-le.", "Text is longer than 64 KiB: shorten it."},
		"error.no_target_allowed":          {"Vous ne pouvez publier sur aucun des comptes de cette publication.", "You may target none of this post's accounts."},
		"error.unknown_account":            {"Compte inconnu : {account}.", "Unknown account {account}."},
		"error.account_forbidden":          {"Vous ne pouvez pas publier sur le compte {account}.", "You may not publish to account {account}."},
		"error.video_and_images":           {"Une publication porte une vidéo ou des images, pas les deux.", "A post carries one video or images, not both."},
		"error.past_date":                  {"La date choisie ({at}) est déjà passée : choisissez une date à venir.", "The time chosen ({at}) is in the past: choose a time to come."},
		"error.variant_platform":           {"Variante pour un réseau inconnu : {platform}.", "Variant for an unknown platform: {platform}."},
		"error.variant_text":               {"La variante pour {platform} est illisible ou trop longue.", "The variant for {platform} is not valid text or is too long."},
		"error.tone_blocked":               {"Ce message enfreint les règles de ton de la campagne : reformulez les passages signalés (seul·e un·e admin peut passer outre).", "This post breaks the campaign's tone rules: rephrase the passages flagged (only an admin may override)."},
		"error.tone_blocked_approve":       {"Les règles de ton bloquent ce message : seul·e un·e admin peut passer outre.", "The tone rules block this post: only an admin may override."},
		"error.acknowledge":                {"Cette publication porte des avertissements de ton : cochez la case pour les prendre en compte avant d'approuver.", "This post carries tone warnings: tick the box to acknowledge them before approving."},
		"error.hash_required":              {"Empreinte du contenu manquante : rechargez la page avant de décider.", "The content hash is missing: reload the page before deciding."},
		"error.hash_stale":                 {"La publication a changé depuis votre lecture : rechargez-la et relisez-la.", "The post changed since you read it: reload and review it again."},
		"error.comment_required":           {"Écrivez un commentaire pour dire pourquoi.", "Write a comment to say why."},
		"error.comment_body":               {"Le commentaire est vide.", "Comment text is required."},
		"error.comment_long":               {"Le commentaire dépasse {max} octets.", "The comment is longer than {max} bytes."},
		"error.comment_parent":             {"Vous répondez à un commentaire d'une autre publication.", "The comment you reply to is on another post."},
		"error.media_count":                {"{max} images au plus par publication.", "At most {max} images per post."},
		"error.media_unknown":              {"Image inconnue (n° {id}) : envoyez-la de nouveau.", "Unknown image (no. {id}): upload it again."},
		"error.media_twice":                {"L'image n° {id} est jointe deux fois.", "Image no. {id} is attached twice."},
		"error.platform":                   {"Refusé par les réseaux : {problems}", "Refused by the platforms: {problems}"},
		"error.platform.too_long":          {"{platform} @{handle} : le texte compte {count} caractères, ce réseau en accepte {max}.", "{platform} @{handle}: the text is {count} characters, the platform allows {max}."},
		"error.platform.too_long_any":      {"{platform} @{handle} : le texte est trop long pour ce réseau.", "{platform} @{handle}: the text is too long for this platform."},
		"error.platform.empty":             {"{platform} @{handle} : le texte est vide.", "{platform} @{handle}: the text is empty."},
		"error.platform.invalid_text":      {"{platform} @{handle} : le texte contient des caractères refusés.", "{platform} @{handle}: the text holds characters the platform refuses."},
		"error.platform.too_many_media":    {"{platform} @{handle} : trop d'images pour ce réseau.", "{platform} @{handle}: too many images for this platform."},
		"error.platform.media_type":        {"{platform} @{handle} : un format d'image que ce réseau refuse.", "{platform} @{handle}: an image format this platform refuses."},
		"error.platform.media_too_large":   {"{platform} @{handle} : une image trop lourde pour ce réseau.", "{platform} @{handle}: an image too large for this platform."},
		"error.platform.media_unsupported": {"{platform} @{handle} : ce compte ne publie pas d'images.", "{platform} @{handle}: this account does not publish images."},
		"error.platform.unknown_handle":    {"{platform} @{handle} : une mention vise un compte introuvable.", "{platform} @{handle}: a mention names an account that does not exist."},
		"error.platform.invalid_address":   {"{platform} @{handle} : adresse e-mail invalide.", "{platform} @{handle}: invalid e-mail address."},
	})
}
