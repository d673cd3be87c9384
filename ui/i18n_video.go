package ui

// videoMessages are the strings of the compose page's video widget and of
// the post page's player, merged into messages.
var videoMessages = map[string][2]string{
	"compose.video": {"Vidéo (à la place des images)", "Video (instead of images)"},
	"compose.video_help": {"MP4, MOV ou WebM. Le fichier part par morceaux et reprend seul après une coupure ; il est vérifié pour chaque réseau coché. Une miniature est facultative : sinon chaque réseau choisit la sienne.",
		"MP4, MOV or WebM. The file goes up in chunks and resumes by itself after a dropped connection; it is checked for each network ticked. A thumbnail is optional: otherwise each network picks its own."},
	"compose.video_file":         {"Choisir une vidéo", "Choose a video"},
	"compose.video_alt":          {"Description de la vidéo", "Video description"},
	"compose.video_thumbnail":    {"Miniature (image, facultative)", "Thumbnail (image, optional)"},
	"compose.video_thumb_remove": {"Retirer la miniature", "Remove the thumbnail"},
	"compose.video_remove":       {"Retirer la vidéo", "Remove the video"},
	"compose.video_attached":     {"Vidéo jointe : %s", "Video attached: %s"},
	"compose.video_progress":     {"Envoi de {name} : {pct} %", "Uploading {name}: {pct}%"},
	"compose.video_resuming":     {"Connexion perdue : reprise à {pct} %…", "Connection lost: resuming at {pct}%…"},
	"compose.video_offline":      {"Hors ligne : l'envoi reprendra au retour du réseau.", "Offline: the upload resumes when the network returns."},
	"compose.video_done":         {"{name} — {w}×{h}, {s} s, {codec} : prête.", "{name} — {w}×{h}, {s} s, {codec}: ready."},
	"compose.video_failed":       {"L'envoi de la vidéo a échoué : choisissez le fichier à nouveau.", "The video upload failed: choose the file again."},
	"compose.video_wait":         {"Attendez la fin de l'envoi de la vidéo.", "Wait until the video has finished uploading."},
	"field.video":                {"Vidéo", "Video"},
	"post.video":                 {"Vidéo", "Video"},
	"post.video_thumbnail":       {"Miniature montrée avant la lecture", "Thumbnail shown before playback"},
	"post.video_download":        {"Télécharger la vidéo", "Download the video"},
}

func init() {
	for k, v := range videoMessages {
		messages[k] = v
	}
}
