package i18n

// The refusals of a video at upload (video.Check and video.Explain): the
// platform and its documented limit, in each language.
func init() {
	add(map[string][2]string{
		"error.video.no_video":        {"Vidéo : {platform} ne publie pas de vidéo.", "Video: {platform} does not take videos."},
		"error.video.container":       {"Vidéo : {platform} n'accepte pas le format {format}.", "Video: {platform} does not accept {format}."},
		"error.video.codec":           {"Vidéo : {platform} exige une vidéo H.264 (ici {codec}).", "Video: {platform} requires H.264 video (this is {codec})."},
		"error.video.at_most":         {"Vidéo : {platform} accepte {limit} au plus (ici {value}).", "Video: {platform} allows at most {limit} (this is {value})."},
		"error.video.at_least":        {"Vidéo : {platform} demande {limit} au moins (ici {value}).", "Video: {platform} needs at least {limit} (this is {value})."},
		"error.video.aspect":          {"Vidéo : {platform} demande un format d'image entre 1:3 et 3:1.", "Video: {platform} needs an aspect ratio between 1:3 and 3:1."},
		"error.video.not_video":       {"Vidéo : ce fichier n'est pas une vidéo MP4, MOV ou WebM.", "Video: this file is not an MP4, MOV or WebM video."},
		"error.video.empty":           {"Vidéo : elle dure 0 seconde.", "Video: it lasts 0 seconds."},
		"error.video.no_track":        {"Vidéo : le fichier n'a pas de piste vidéo.", "Video: the file has no video track."},
		"error.role_may_not_post":     {"Votre rôle ({role}) ne permet pas de publier.", "Your role ({role}) may not write posts."},
		"error.capture_key":           {"Clé d'envoi : 16 à 64 caractères [A-Za-z0-9_-].", "Upload key: 16 to 64 characters [A-Za-z0-9_-]."},
		"error.caption_required":      {"Légende : obligatoire.", "Caption: required."},
		"error.capture_busy":          {"Cette capture est en cours d'envoi : réessayez dans un instant.", "This capture is being sent: try again in a moment."},
		"error.share_blocked":         {"Les règles de ton de votre compte bloquent ce texte : reformulez-le.", "Your account's tone rules block this text: rephrase it."},
		"error.video.too_big":         {"Vidéo : 1 Go au plus.", "Video: at most 1 GB."},
		"error.video.uploads_busy":    {"Terminez d'abord vos envois de vidéo en cours.", "Finish your video uploads in progress first."},
		"error.video.upload_gone":     {"Envoi de vidéo introuvable : recommencez-le.", "Video upload not found: start it again."},
		"error.video.offset_header":   {"L'en-tête Upload-Offset doit donner la position du morceau.", "The Upload-Offset header must give the byte offset of this chunk."},
		"error.video.resume_at":       {"Reprenez l'envoi à l'octet {offset}.", "Resume the upload at byte {offset}."},
		"error.video.connection_lost": {"Connexion interrompue à l'octet {offset} : reprenez l'envoi.", "Connection lost at byte {offset}: resume the upload."},
		"error.video.incomplete":      {"L'envoi de la vidéo n'est pas terminé.", "The video upload is not complete."},
		"error.writer_approves":       {"Vous avez rédigé ou modifié ce message : une autre personne doit le valider.", "You wrote or edited this post: someone else must approve it."},
		"error.tone_rule_unknown":     {"Règle de ton : « {value} » est inconnue (attaque, ton négatif, désintox ou moquerie).", "Tone rule: \u201c{value}\u201d is unknown (attack, negative, desintox or ridicule)."},
		"error.video.size":            {"Vidéo : la taille du fichier doit être positive.", "Video: the file's size must be positive."},
		"error.video.filename":        {"Vidéo : le nom du fichier est obligatoire.", "Video: the file name is required."},
		"error.file_empty":            {"Fichier : il est vide.", "File: it is empty."},
		"error.file_required":         {"Fichier : choisissez-en un.", "File: choose one."},
		"error.file_unreadable":       {"Fichier : il n'a pas pu être lu, choisissez-le de nouveau.", "File: it could not be read, choose it again."},
		"error.image_type":            {"Image : {name} est de type {type} ; seules les images JPEG, PNG, WebP et GIF sont acceptées.", "Image: {name} is {type}; only JPEG, PNG, WebP and GIF images are accepted."},
		"error.alt_text":              {"Description : du texte lisible de 1 500 caractères au plus.", "Description: readable text of at most 1,500 characters."},
		"error.image_large":           {"Image : {name} pèse {size} Mo ; {max} Mo au plus.", "Image: {name} is {size} MB; at most {max} MB."},
		"error.upload_large":          {"Envoi trop lourd : {max} Mo au plus.", "Upload too large: at most {max} MB."},
		"error.upload_base64":         {"Image : les données doivent être l'image en base64 standard.", "Image: the data must be the image in standard base64."},
		"error.capture_form":          {"Envoi incomplet : la clé, la légende et le fichier sont attendus.", "Incomplete upload: the key, the caption and the file are expected."},
		"error.video.damaged":         {"Vidéo : le fichier est tronqué ou abîmé.", "Video: the file is truncated or damaged."},
	})
}
